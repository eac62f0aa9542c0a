package com.c2c.chain.scan.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Where the node's chain and the scanner's kept blocks part. Anvil (like most nodes behind plain HTTP)
 * never reports removed logs, so a reorg shows only as a kept hash the node no longer has at that height.
 */
public final class CommonAncestor {
    private CommonAncestor() {
    }

    /**
     * The result of the search: the newest kept block the node still has ({@code number}, {@code hash}),
     * or, when none of the kept blocks matches, the block just below the oldest kept one with
     * {@code beyondWindow} set (the reorg is deeper than what the scanner kept: an alert).
     */
    public record Found(long number, String hash, boolean beyondWindow) {
    }

    /**
     * @param kept     the kept blocks, newest first
     * @param nodeHead the node's head: when no kept block matches, the search lands no higher (a node reset to
     *                 a shorter chain, such as a restarted dev node, has nothing above it)
     * @param onNode   the node's hash at a height ({@code null} when the node has no block there any more)
     */
    public static Found find(List<BlockRef> kept, long nodeHead, LongFunction<String> onNode) {
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no kept blocks to compare");
        }
        for (BlockRef block : kept) {
            if (Objects.equals(block.hash(), onNode.apply(block.number()))) {
                return new Found(block.number(), block.hash(), false);
            }
        }
        long below = Math.min(kept.getLast().number() - 1, nodeHead);
        return new Found(below, below < 0 ? null : onNode.apply(below), true);
    }
}
