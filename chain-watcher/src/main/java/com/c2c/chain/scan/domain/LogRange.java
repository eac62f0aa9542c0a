package com.c2c.chain.scan.domain;

/**
 * How many blocks the next {@code eth_getLogs} asks for. Nodes refuse ranges that are too wide or answer
 * too many logs (each its own limit), so a refusal halves the range, down to one block, and a run of
 * answered calls doubles it again, up to the configured maximum. Not thread-safe: one per scanner.
 */
public final class LogRange {
    /** Answers in a row before the range grows back. */
    static final int GROW_AFTER = 4;

    private final int max;
    private int current;
    private int answered;

    public LogRange(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max-range must be at least 1, is " + max);
        }
        this.max = max;
        this.current = max;
    }

    public int blocks() {
        return current;
    }

    /** The last block of the next range starting at {@code from}, never past {@code head}. */
    public long end(long from, long head) {
        return Math.min(head, from + current - 1);
    }

    /** The node refused the range: halve it; false when it was one block already (nothing left to shrink). */
    public boolean refused() {
        answered = 0;
        if (current == 1) {
            return false;
        }
        current = Math.max(1, current / 2);
        return true;
    }

    public void answered() {
        if (++answered >= GROW_AFTER && current < max) {
            current = (int) Math.min(max, current * 2L);
            answered = 0;
        }
    }
}
