package com.c2c.chain.address.api;

import com.c2c.chain.address.store.WatchedAddress;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WatchedAddressView(long chainId, String address, String ownerId, Instant createdAt,
        @Schema(description = "First block still to be read again for transfers to this address (it was added after"
                + " the scanner had passed them); null when none", nullable = true) Long backfillFrom,
        @Schema(description = "Last block to be read again; null when none", nullable = true) Long backfillTo) {
    public static WatchedAddressView of(WatchedAddress w) {
        return new WatchedAddressView(w.key.chainId(), w.key.address(), w.ownerId, w.createdAt, w.backfillFrom,
                w.backfillTo);
    }
}
