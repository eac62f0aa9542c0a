package com.c2c.chain.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** The chains this watcher follows, by name ({@code c2c.chain.chains.<name>.*}). */
@ConfigMapping(prefix = "c2c.chain")
public interface ChainConfig {
    Map<String, Chain> chains();

    interface Chain {
        /** EIP-155 chain id (31337 for the local Anvil node). */
        long chainId();

        /** The node's JSON-RPC over HTTP. */
        String rpcUrl();

        /**
         * The token contract whose transfers are deposits; a chain without one is not scanned. In the chain's
         * {@link #addressFormat()}: a TRON chain may name it {@code T...}.
         */
        Optional<String> tokenContract();

        /** How the chain's addresses are written: {@code evm} (default) or {@code tron}. */
        @WithDefault("evm")
        AddressFormat addressFormat();

        /** Confirmations a deposit needs (its own block counts as one): e.g. Ethereum 12, BSC 15, TRON 19. */
        @WithDefault("12")
        int confirmations();

        /**
         * How many recent blocks keep their hashes, and so how deep a reorg the scanner can walk back and
         * still name each dropped deposit (confirmed ones included); at least confirmations + 1. Default:
         * twice the confirmations.
         */
        Optional<Integer> reorgWatchDepth();

        /** The most blocks one eth_getLogs asks for (halved while the node refuses, grown back after). */
        @WithDefault("2000")
        int maxRange();

        /** The pause between steps once the scanner is at the head. */
        @WithDefault("2s")
        Duration pollInterval();

        /** The first block to read when the chain has no cursor yet; the head at that time when absent. */
        OptionalLong startBlock();

        /**
         * How many blocks before the cursor an address added late is read again for the transfers it missed (the
         * wallet's assignment delayed, an admin watching an address already paid): at most this many, never
         * before {@link #startBlock()}. 0 turns backfilling off.
         */
        @WithDefault("10000")
        long backfillBlocks();

        default int keptBlocks() {
            return Math.max(confirmations() + 1, reorgWatchDepth().orElse(2 * confirmations()));
        }
    }

    default Set<Long> chainIds() {
        return chains().values().stream().map(Chain::chainId).collect(Collectors.toUnmodifiableSet());
    }
}
