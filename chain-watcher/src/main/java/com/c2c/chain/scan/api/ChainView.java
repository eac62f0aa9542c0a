package com.c2c.chain.scan.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One followed chain, as operators see it. */
public record ChainView(
        @Schema(example = "local") String name,
        @Schema(example = "31337") long chainId,
        @Schema(description = "The token contract whose transfers are deposits; null when none is configured",
                nullable = true, example = "0x5fbdb2315678afecb367f032d93f642f64180aa3") String tokenContract,
        @Schema(description = "Whether the chain is scanned (it has a token contract)") boolean scanning,
        @Schema(description = "The newest block the node reported; null before the first step", nullable = true)
        Long head,
        @Schema(description = "The last block fully read; null before the first step", nullable = true) Long cursor,
        @Schema(description = "head - cursor; null before the first step", nullable = true) Long lag,
        @Schema(description = "Confirmations a deposit needs (its own block counts as one)") int confirmations,
        @Schema(description = "When the scanner last stepped", nullable = true) Instant lastStepAt,
        @Schema(description = "Addresses watched after the scanner had passed blocks that may hold transfers to them,"
                + " whose earlier blocks are still being read again (backfill)") long pendingBackfills,
        @Schema(description = "Blocks still to be read again for those addresses, summed over them")
        long pendingBackfillBlocks) {
}
