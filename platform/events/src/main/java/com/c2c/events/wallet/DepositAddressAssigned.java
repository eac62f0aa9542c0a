package com.c2c.events.wallet;

/**
 * The wallet gave an owner a deposit address on a chain: derived from the platform's extended public key at
 * {@code addressIndex} (BIP-44 {@code .../0/addressIndex}), never given to anyone else. chain-watcher starts
 * following token transfers to it. {@code address} is lower-case hex ({@code 0x} + 40) for EVM chains.
 */
public record DepositAddressAssigned(long chainId, String address, String ownerId, long addressIndex) {
}
