package com.c2c.wallet.ledger.domain;

import java.util.List;

/** One side of a posting: a signed amount (micro-units) on an owner's account of a kind. */
public record Leg(String ownerId, AccountKind kind, long amount) {

    /** The invariant every posting keeps, checked here before the database checks it again. */
    public static void requireBalanced(List<Leg> legs) {
        if (legs.size() < 2) {
            throw new IllegalArgumentException("a posting needs at least two legs");
        }
        long sum = 0;
        for (Leg leg : legs) {
            if (leg.amount() == 0) {
                throw new IllegalArgumentException("a leg of zero moves nothing");
            }
            sum = Math.addExact(sum, leg.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("posting does not balance: legs sum to " + sum);
        }
    }
}
