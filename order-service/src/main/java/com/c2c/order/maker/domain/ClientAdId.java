package com.c2c.order.maker.domain;

import java.util.regex.Pattern;

/** The maker's own name for an ad: 1-64 of A-Z a-z 0-9 . _ -, unique per owner, one ad for good. */
public final class ClientAdId {
    public static final String PATTERN = "^[A-Za-z0-9._-]{1,64}$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private ClientAdId() {
    }

    public static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
