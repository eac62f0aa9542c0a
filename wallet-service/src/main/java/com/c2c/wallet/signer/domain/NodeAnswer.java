package com.c2c.wallet.signer.domain;

import java.util.Locale;

/**
 * What a node's answer to eth_sendRawTransaction means for a transaction the signer has already committed.
 * The node's wording differs (geth, Anvil, Erigon, BSC); these are the phrases they use.
 */
public enum NodeAnswer {
    /** Accepted now. */
    ACCEPTED,
    /** The node has this very transaction already (pool or chain): as good as sent. */
    ALREADY_KNOWN,
    /** The nonce is used: by this transfer's other version (then a receipt says which) or by someone else. */
    NONCE_USED,
    /** A version with the same nonce and a higher or equal fee is in the pool. */
    UNDERPRICED,
    /** Anything else (funds for gas, a full pool, a transport failure): retried on the next pass. */
    REFUSED;

    public static NodeAnswer ofError(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("already known") || m.contains("already imported") || m.contains("known transaction")
                || m.contains("already exists")) {
            return ALREADY_KNOWN;
        }
        if (m.contains("nonce too low") || m.contains("nonce is too low") || m.contains("already used")) {
            return NONCE_USED;
        }
        if (m.contains("underpriced") || m.contains("replacement")) {
            return UNDERPRICED;
        }
        return REFUSED;
    }

    /** The node has (or had) the transaction or a version of it: the transfer counts as broadcast. */
    public boolean sent() {
        return this == ACCEPTED || this == ALREADY_KNOWN;
    }
}
