package com.c2c.chain.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A BIP-32 path such as {@code m/44'/60'/0'/0/7} (from the master key) or {@code 0/7} (relative to
 * the key it is applied to). Hardened steps may be written {@code 44'}, {@code 44H} or {@code 44h}.
 *
 * @param fromMaster   the path starts with {@code m}, so it applies to a depth-0 key only
 * @param childNumbers each step as a child number (hardened steps are 2^31 + index)
 */
public record DerivationPath(boolean fromMaster, List<Long> childNumbers) {

    /** Deeper than any wallet layout; bounds the work a configured path can ask for. */
    public static final int MAX_STEPS = 32;

    public DerivationPath {
        childNumbers = List.copyOf(childNumbers);
    }

    /** @throws IllegalArgumentException naming the step that is not a child index */
    public static DerivationPath parse(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("derivation path is empty");
        }
        String[] parts = path.strip().split("/", -1);
        boolean fromMaster = parts[0].equals("m") || parts[0].equals("M");
        int first = fromMaster ? 1 : 0;
        if (parts.length - first > MAX_STEPS) {
            throw new IllegalArgumentException("derivation path has more than " + MAX_STEPS + " steps");
        }
        List<Long> steps = new ArrayList<>();
        for (int i = first; i < parts.length; i++) {
            steps.add(parseStep(parts[i]));
        }
        return new DerivationPath(fromMaster, steps);
    }

    public boolean hasHardenedStep() {
        return childNumbers.stream().anyMatch(ChildNumber::isHardened);
    }

    @Override
    public String toString() {
        String steps = childNumbers.stream().map(ChildNumber::format).collect(Collectors.joining("/"));
        if (!fromMaster) {
            return steps;
        }
        return steps.isEmpty() ? "m" : "m/" + steps;
    }

    private static long parseStep(String step) {
        boolean hardened = step.endsWith("'") || step.endsWith("H") || step.endsWith("h");
        String digits = hardened ? step.substring(0, step.length() - 1) : step;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("derivation path step '" + step + "' is not a child index");
        }
        long index = Long.parseLong(digits);
        if (index > ChildNumber.MAX_INDEX) {
            throw new IllegalArgumentException(
                    "derivation path step '" + step + "' is above " + ChildNumber.MAX_INDEX + "; write hardened steps as i'");
        }
        return hardened ? ChildNumber.HARDENED_OFFSET + index : index;
    }
}
