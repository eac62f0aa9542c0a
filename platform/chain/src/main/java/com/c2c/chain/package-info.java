/**
 * Pure chain logic shared by wallet-service and chain-watcher: BIP-32 keys ({@code keys}), deposit
 * addresses ({@code deposit}), EVM and TRON addresses ({@code evm}, {@code tron}), base58check
 * ({@code encoding}) and token amounts ({@code token}). No framework code, no I/O.
 */
package com.c2c.chain;
