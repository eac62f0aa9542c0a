package com.c2c.chain.keys;

/**
 * BIP-32 child numbers: 0..2^31-1 are normal children, 2^31..2^32-1 hardened ones (written i' or iH,
 * meaning 2^31 + i). Hardened children can only be derived from a private key.
 */
public final class ChildNumber {

    public static final long HARDENED_OFFSET = 0x8000_0000L;
    public static final int MAX_INDEX = Integer.MAX_VALUE;

    private ChildNumber() {
    }

    public static long hardened(int index) {
        return HARDENED_OFFSET + checkIndex(index);
    }

    public static boolean isHardened(long childNumber) {
        return childNumber >= HARDENED_OFFSET;
    }

    /** 44' for 2^31 + 44, 5 for 5. */
    public static String format(long childNumber) {
        return isHardened(childNumber) ? (childNumber - HARDENED_OFFSET) + "'" : Long.toString(childNumber);
    }

    static int checkIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("child index must be 0.." + MAX_INDEX + ", got " + index);
        }
        return index;
    }
}
