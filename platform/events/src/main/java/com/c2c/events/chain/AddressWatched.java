package com.c2c.events.chain;

/** chain-watcher now follows token transfers to this address on this chain. */
public record AddressWatched(long chainId, String address, String ownerId) {
}
