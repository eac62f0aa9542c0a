package com.c2c.escrow.trade;

/** What a caller says with an action: a dispute's reason and evidence, or an arbiter's note. */
public record Statement(String text, String evidence) {
    public static final Statement NONE = new Statement(null, null);
}
