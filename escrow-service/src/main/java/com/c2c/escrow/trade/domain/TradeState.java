package com.c2c.escrow.trade.domain;

import java.time.Instant;

/**
 * What the state machine needs to know of a trade: its status, the running deadline, the action (and
 * actor) that brought it there, and whether the wallet has settled the outcome.
 */
public record TradeState(TradeStatus status, Instant deadline, TradeAction lastAction, String lastActor,
        boolean settled) {
}
