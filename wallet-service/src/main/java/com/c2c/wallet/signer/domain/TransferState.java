package com.c2c.wallet.signer.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an outgoing transfer is. The nonce is taken at SIGNED and never given back; BLOCKED takes none.
 *
 * <pre>
 * QUEUED ──blacklisted──> BLOCKED
 *   │
 *   └─sign (nonce + raw tx committed)──> SIGNED ──node has it──> BROADCAST ──receipt──> MINED (status 1)
 *                                                                                  └──> FAILED (status 0)
 * </pre>
 * The same rule is enforced by migration V7's trigger.
 */
public enum TransferState {
    QUEUED, SIGNED, BROADCAST, MINED, FAILED, BLOCKED;

    public Set<TransferState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(SIGNED, BLOCKED);
            case SIGNED -> EnumSet.of(BROADCAST, MINED, FAILED);
            case BROADCAST -> EnumSet.of(MINED, FAILED);
            case MINED, FAILED, BLOCKED -> EnumSet.noneOf(TransferState.class);
        };
    }

    /** Nothing more happens to it: MINED, FAILED or BLOCKED. */
    public boolean finished() {
        return next().isEmpty();
    }

    public void requireMoveTo(TransferState to) {
        if (!next().contains(to)) {
            throw new IllegalStateException("an outgoing transfer may not go from " + this + " to " + to);
        }
    }
}
