package com.c2c.platform.web;

import java.util.regex.Pattern;

/**
 * One page of a list: {@code page} counts from 0, {@code size} entries each. Every list endpoint reads
 * its {@code ?page} and {@code ?size} through {@link #of}, so every one refuses the same way (a 400 naming
 * the parameter) and none can be asked for an offset that overflows: {@code page} is at most
 * {@value #MAX_PAGE} and a size at most {@value #MAX_SIZE}, so {@code page × size} stays far inside an
 * int (Panache and Hibernate take int offsets). Nobody pages 10 000 deep by hand; a client that wants
 * everything needs an export, not offsets.
 */
public record PageRequest(int page, int size) {
    public static final int MAX_PAGE = 10_000;
    /** The largest page size any endpoint may allow (each names its own, at most this). */
    public static final int MAX_SIZE = 1_000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    public PageRequest {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " is out of bounds");
        }
    }

    /**
     * The page the client asked for, as sent (null when left out: the first page of {@code defaultSize}),
     * or a 400 naming {@code page} or {@code size}.
     */
    public static PageRequest of(String page, String size, int defaultSize, int maxSize) {
        if (defaultSize < 1 || defaultSize > maxSize || maxSize > MAX_SIZE) {
            throw new IllegalArgumentException("an endpoint's page sizes must be 1 ≤ default ≤ max ≤ " + MAX_SIZE);
        }
        return new PageRequest(number("page", page, 0, 0, MAX_PAGE), number("size", size, defaultSize, 1, maxSize));
    }

    /** The index of the page's first entry; page × size cannot overflow (see the bounds above). */
    public int offset() {
        return page * size;
    }

    private static int number(String field, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        String digits = text.strip();
        if (!WHOLE_NUMBER.matcher(digits).matches()) {
            throw ProblemException.invalidField(field, "must be a whole number between " + min + " and " + max);
        }
        // More than 10 digits is out of bounds whatever they are (and would not fit a long past 19).
        long value = digits.length() > 11 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value < min || value > max) {
            throw ProblemException.invalidField(field, "must be between " + min + " and " + max);
        }
        return (int) value;
    }
}
