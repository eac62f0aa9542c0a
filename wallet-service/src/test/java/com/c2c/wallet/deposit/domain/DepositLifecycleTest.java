package com.c2c.wallet.deposit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.wallet.deposit.domain.DepositStep.Signal;
import org.junit.jupiter.api.Test;

/** The deposit state table, without a database: what each report does in each state. */
class DepositLifecycleTest {
    private static final String BLOCK_A = "0x" + "a".repeat(64);
    private static final String BLOCK_B = "0x" + "b".repeat(64);

    private static DepositStep step(DepositState current, ChainReport report, String block, String refusal) {
        return DepositLifecycle.next(current, current == null ? null : BLOCK_A, report, block, refusal);
    }

    @Test
    void onlyAConfirmationCreditsAndOnlyOnce() {
        assertEquals(DepositState.DETECTED, step(null, ChainReport.DETECTED, BLOCK_A, null).next());
        assertFalse(step(null, ChainReport.DETECTED, BLOCK_A, null).credit());
        DepositStep confirmed = step(DepositState.DETECTED, ChainReport.CONFIRMED, BLOCK_A, null);
        assertEquals(DepositState.CONFIRMED, confirmed.next());
        assertTrue(confirmed.credit());
        // a confirmation without the detection before it (a compacted or replayed topic) credits too
        assertTrue(step(null, ChainReport.CONFIRMED, BLOCK_A, null).credit());
        // confirmed again: nothing
        DepositStep again = step(DepositState.CONFIRMED, ChainReport.CONFIRMED, BLOCK_A, null);
        assertFalse(again.changes());
        assertFalse(again.credit());
    }

    @Test
    void aRefusedDepositIsRecordedUncreditedAndStaysSo() {
        DepositStep dust = step(null, ChainReport.DETECTED, BLOCK_A, "BELOW_MINIMUM: 0.5");
        assertEquals(DepositState.UNCREDITED, dust.next());
        assertEquals(Signal.UNCREDITED, dust.signal());
        assertEquals(DepositState.UNCREDITED, step(DepositState.DETECTED, ChainReport.CONFIRMED, BLOCK_A, "FOREIGN_TOKEN: x").next());
        assertFalse(step(DepositState.UNCREDITED, ChainReport.CONFIRMED, BLOCK_A, null).changes());
        assertFalse(step(DepositState.UNCREDITED, ChainReport.CONFIRMED, BLOCK_A, null).credit());
    }

    @Test
    void aRevertedDepositIsNotCreditedByAConfirmationOfTheBlockItLeft() {
        assertEquals(DepositState.REVERTED, step(DepositState.DETECTED, ChainReport.REVERTED, BLOCK_A, null).next());
        assertEquals(DepositState.REVERTED, step(null, ChainReport.REVERTED, BLOCK_A, null).next());
        DepositStep stale = step(DepositState.REVERTED, ChainReport.CONFIRMED, BLOCK_A, null);
        assertFalse(stale.changes());
        assertFalse(stale.credit());
        assertEquals(Signal.STALE, stale.signal());
        // back in another block: detected again, then credited when confirmed there
        assertEquals(DepositState.DETECTED, step(DepositState.REVERTED, ChainReport.DETECTED, BLOCK_B, null).next());
        assertTrue(step(DepositState.REVERTED, ChainReport.CONFIRMED, BLOCK_B, null).credit());
    }

    @Test
    void aCreditedDepositIsNeverRevertedOrDebitedOnlyFlagged() {
        DepositStep reverted = step(DepositState.CONFIRMED, ChainReport.REVERTED, BLOCK_A, null);
        assertFalse(reverted.changes());
        assertEquals(Signal.STALE, reverted.signal());
        DepositStep reorged = step(DepositState.CONFIRMED, ChainReport.REORGED_AFTER_CONFIRMATION, BLOCK_A, null);
        assertEquals(DepositState.REORGED_AFTER_CREDIT, reorged.next());
        assertEquals(Signal.REORGED_AFTER_CREDIT, reorged.signal());
        assertFalse(reorged.credit());
        // confirmed again in a new block: the credit (never undone) is right again, and nothing moves
        DepositStep back = step(DepositState.REORGED_AFTER_CREDIT, ChainReport.CONFIRMED, BLOCK_B, null);
        assertEquals(DepositState.CONFIRMED, back.next());
        assertFalse(back.credit());
        // a reorg of a deposit never credited here undoes nothing
        DepositStep uncredited = step(DepositState.DETECTED, ChainReport.REORGED_AFTER_CONFIRMATION, BLOCK_A, null);
        assertEquals(DepositState.REVERTED, uncredited.next());
        assertEquals(Signal.NONE, uncredited.signal());
        assertNull(step(DepositState.REORGED_AFTER_CREDIT, ChainReport.DETECTED, BLOCK_B, null).next());
    }

    @Test
    void theRulesRefuseUnknownAddressesOtherTokensAndDust() {
        DepositRules rules = new DepositRules("0x" + "1".repeat(40), 1_000_000);
        assertNull(rules.refusal("0x" + "1".repeat(40), 1_000_000, "alice"));
        assertEquals("BELOW_MINIMUM", DepositRules.code(rules.refusal("0x" + "1".repeat(40), 999_999, "alice")));
        assertEquals("FOREIGN_TOKEN", DepositRules.code(rules.refusal("0x" + "2".repeat(40), 5_000_000, "alice")));
        assertEquals("UNKNOWN_ADDRESS", DepositRules.code(rules.refusal("0x" + "1".repeat(40), 5_000_000, null)));
        assertEquals("NO_TOKEN_CONFIGURED",
                DepositRules.code(new DepositRules(null, 1).refusal("0x" + "1".repeat(40), 5_000_000, "alice")));
    }
}
