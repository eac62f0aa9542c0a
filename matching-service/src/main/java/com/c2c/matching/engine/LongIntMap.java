package com.c2c.matching.engine;

import java.util.Arrays;

/**
 * Order id → pool slot, open addressing with linear probing and backward-shift deletion: no boxing,
 * no tombstones, no allocation except when it grows.
 */
final class LongIntMap {
    static final int MISSING = -1;

    private long[] keys;
    private int[] values; // slot + 1; 0 marks an empty bucket
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int get(long key) {
        int i = bucket(key);
        while (values[i] != 0) {
            if (keys[i] == key) {
                return values[i] - 1;
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    void put(long key, int value) {
        int i = bucket(key);
        while (values[i] != 0) {
            if (keys[i] == key) {
                values[i] = value + 1;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value + 1;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    void remove(long key) {
        int i = bucket(key);
        while (values[i] != 0) {
            if (keys[i] == key) {
                shiftBack(i);
                size--;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(values, 0);
        size = 0;
    }

    /** Fills the hole at {@code gap} with a later entry of the same probe run, until the run ends. */
    private void shiftBack(int gap) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == 0) {
                values[gap] = 0;
                return;
            }
            int home = bucket(keys[i]);
            // Move the entry at i into the gap unless its home lies cyclically in (gap, i].
            boolean homeBetween = gap <= i ? (home > gap && home <= i) : (home > gap || home <= i);
            if (!homeBetween) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
        }
    }

    private int bucket(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                put(oldKeys[i], oldValues[i] - 1);
            }
        }
    }
}
