package com.c2c.order.ad.domain;

/** The state machine's answer to "may this actor take this action on this ad now?". */
public sealed interface Decision {
    /** Take it: the ad moves to {@code action.to()}. */
    record Move(AdAction action) implements Decision {
    }

    /** The ad is already where the action leads; nothing changes and nothing is sent again. */
    record Repeat() implements Decision {
    }

    /** The caller is not the ad's owner and must not learn that it exists. */
    record Hidden() implements Decision {
    }

    /** The action is not the caller's to take. */
    record Forbidden(String why) implements Decision {
    }

    /** The action is not possible in the ad's current status. */
    record Conflict(String why) implements Decision {
    }
}
