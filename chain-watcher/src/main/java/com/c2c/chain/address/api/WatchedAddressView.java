package com.c2c.chain.address.api;

import com.c2c.chain.address.store.WatchedAddress;
import java.time.Instant;

public record WatchedAddressView(long chainId, String address, String ownerId, Instant createdAt) {
    public static WatchedAddressView of(WatchedAddress w) {
        return new WatchedAddressView(w.key.chainId(), w.key.address(), w.ownerId, w.createdAt);
    }
}
