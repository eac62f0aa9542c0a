package com.c2c.wallet.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.platform.messaging.reconcile.Hold;
import com.c2c.wallet.reconcile.Drift.OwnerDrift;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

    @Test
    void walletEqualsOrderPlusEscrowPerOwnerIsNoDrift() {
        Drift drift = Drift.of(
                List.of(new Hold("a", 300, 100), new Hold("b", 50, 0)),
                List.of(new Hold("a", 200, 0), new Hold("b", 50, 0)),
                List.of(new Hold("a", 100, 100)));
        assertTrue(drift.none());
        assertEquals(List.of(0, 0, 0L, 0L), List.of(drift.ownersReserved(), drift.ownersLocked(),
                drift.microsReserved(), drift.microsLocked()));
    }

    @Test
    void eachOwnersDriftCountsWithoutOppositeErrorsCancellingOut() {
        Drift drift = Drift.of(
                List.of(new Hold("a", 300, 100), new Hold("b", 5, 0)),    // b: reserved, nobody expects it
                List.of(new Hold("a", 200, 0)),
                List.of(new Hold("a", 100, 70), new Hold("c", 5, 0)));    // a: 30 locked too many; c: expected, absent
        assertEquals(List.of(new OwnerDrift("a", 300, 300, 100, 70), new OwnerDrift("b", 5, 0, 0, 0),
                new OwnerDrift("c", 0, 5, 0, 0)), drift.owners());
        assertEquals(2, drift.ownersReserved());
        assertEquals(10, drift.microsReserved(), "+5 and -5 are 10 micro-units of drift, not 0");
        assertEquals(1, drift.ownersLocked());
        assertEquals(30, drift.microsLocked());
        assertEquals(30, drift.owners().get(0).locked());
        assertEquals(-5, drift.owners().get(2).reserved());
    }

    @Test
    void driftIsPersistentOnlyWhenTheOwnersNumbersDidNotMoveSinceTheLastComparison() {
        Drift first = Drift.of(
                List.of(new Hold("stuck", 10, 0), new Hold("busy", 300, 100), new Hold("gone", 7, 0)),
                List.of(new Hold("busy", 200, 0)),
                List.of(new Hold("busy", 90, 100)));
        assertEquals(List.of("busy", "gone", "stuck"), first.owners().stream().map(OwnerDrift::ownerId).toList());
        assertTrue(first.persistingFrom(Drift.NONE).none(), "a first comparison has nothing to persist from");

        // A minute later: "stuck" still differs by the same numbers; "busy" differs again, by the same amount, but its
        // ledger moved (a trade in flight then, another now); "gone" agrees now.
        Drift second = Drift.of(
                List.of(new Hold("stuck", 10, 0), new Hold("busy", 250, 150)),
                List.of(new Hold("busy", 150, 0)),
                List.of(new Hold("busy", 90, 150)));
        Drift persistent = second.persistingFrom(first);
        assertEquals(List.of(new OwnerDrift("stuck", 10, 0, 0, 0)), persistent.owners());
        assertEquals(List.of(1, 0, 10L, 0L), List.of(persistent.ownersReserved(), persistent.ownersLocked(),
                persistent.microsReserved(), persistent.microsLocked()));
        assertEquals(10, second.owners().get(0).reserved(), "busy differs by 10 in both comparisons");
        assertEquals(10, first.owners().get(0).reserved());
    }
}
