package com.c2c.escrow.trade.domain;

/** The state machine's answer to "may this caller take this action on this trade now?". */
public sealed interface Decision {
    /** Take it: the trade moves to {@code action.to()}. */
    record Move(TradeAction action) implements Decision {
    }

    /** The caller already took exactly this action; nothing changes and nothing is sent again. */
    record Repeat() implements Decision {
    }

    /** The caller has nothing to do with the trade and must not learn that it exists. */
    record Hidden() implements Decision {
    }

    /** The caller sees the trade but the action is someone else's. */
    record Forbidden(String why) implements Decision {
    }

    /** The action is not possible in the trade's current state. */
    record Conflict(String why) implements Decision {
    }
}
