package com.c2c.wallet.deposit.domain;

import com.c2c.wallet.deposit.domain.DepositStep.Signal;

/**
 * The one place a deposit changes state: a pure function of what the wallet has recorded and what
 * chain-watcher reports (ADR 0013). Reports of one deposit arrive in order (they are keyed by its address),
 * but any may be missing (a compacted or replayed topic) or repeated:
 * <pre>
 * report \ state   none / REVERTED*      DETECTED             CONFIRMED        UNCREDITED   REORGED_AFTER_CREDIT
 * DETECTED         DETECTED|UNCREDITED   (stays)              stale            stale        stale
 * CONFIRMED        CONFIRMED+credit      CONFIRMED+credit     (credited once)  (stays)      CONFIRMED (back on chain)
 *                  |UNCREDITED           |UNCREDITED
 * REVERTED         REVERTED              REVERTED             stale            REVERTED     stale
 * REORGED          REVERTED              REVERTED             REORGED_AFTER_   REVERTED     (stays)
 *                                                             CREDIT + alert
 * </pre>
 * (*) A CONFIRMED report for a deposit REVERTED from the very block it names is stale: chain-watcher confirms
 * only what is still on the canonical chain, and re-announces a deposit that comes back in another block with a
 * new DETECTED first; so only a confirmation in another block than the one it left credits it.
 */
public final class DepositLifecycle {

    private DepositLifecycle() {
    }

    /**
     * @param current          the recorded state, or null when the wallet has no record of the deposit
     * @param currentBlockHash the block it was last reported in (null without a record)
     * @param report           what chain-watcher says now
     * @param reportBlockHash  the block that report names
     * @param refusal          why the deposit may never be credited ({@link DepositRules}), or null
     */
    public static DepositStep next(DepositState current, String currentBlockHash, ChainReport report,
            String reportBlockHash, String refusal) {
        return switch (report) {
            case DETECTED -> detected(current, refusal);
            case CONFIRMED -> confirmed(current, currentBlockHash, reportBlockHash, refusal);
            case REVERTED -> reverted(current);
            case REORGED_AFTER_CONFIRMATION -> reorged(current);
        };
    }

    private static DepositStep detected(DepositState current, String refusal) {
        if (current == null || current == DepositState.REVERTED) {
            return refusal == null ? DepositStep.to(DepositState.DETECTED) : uncredited(refusal);
        }
        if (current == DepositState.DETECTED) {
            return DepositStep.unchanged(Signal.NONE, null);
        }
        return DepositStep.unchanged(Signal.STALE, "detected again while " + current);
    }

    private static DepositStep confirmed(DepositState current, String currentBlockHash, String reportBlockHash,
            String refusal) {
        if (current == DepositState.REVERTED && reportBlockHash.equals(currentBlockHash)) {
            return DepositStep.unchanged(Signal.STALE, "confirmed in block " + reportBlockHash
                    + ", which it was reverted from");
        }
        return switch (current) {
            case null -> creditOrRefuse(refusal);
            case DETECTED, REVERTED -> creditOrRefuse(refusal);
            case CONFIRMED, UNCREDITED -> DepositStep.unchanged(Signal.NONE, null);
            // back on the chain and confirmed again: its credit (never undone) is right again
            case REORGED_AFTER_CREDIT -> new DepositStep(DepositState.CONFIRMED, false, Signal.NONE,
                    "confirmed again in block " + reportBlockHash + " after the reorg");
        };
    }

    private static DepositStep reverted(DepositState current) {
        return switch (current) {
            case null -> DepositStep.to(DepositState.REVERTED);
            case DETECTED, UNCREDITED -> DepositStep.to(DepositState.REVERTED);
            case REVERTED -> DepositStep.unchanged(Signal.NONE, null);
            // only a ConfirmedDepositReorged reopens a credited deposit
            case CONFIRMED, REORGED_AFTER_CREDIT -> DepositStep.unchanged(Signal.STALE, "reverted while " + current);
        };
    }

    private static DepositStep reorged(DepositState current) {
        return switch (current) {
            case CONFIRMED -> new DepositStep(DepositState.REORGED_AFTER_CREDIT, false, Signal.REORGED_AFTER_CREDIT,
                    "credited, then its block left the chain: for an operator");
            // never credited here: nothing to undo, it is simply not on the chain
            case null -> DepositStep.to(DepositState.REVERTED);
            case DETECTED, UNCREDITED -> DepositStep.to(DepositState.REVERTED);
            case REVERTED, REORGED_AFTER_CREDIT -> DepositStep.unchanged(Signal.NONE, null);
        };
    }

    private static DepositStep creditOrRefuse(String refusal) {
        return refusal == null ? new DepositStep(DepositState.CONFIRMED, true, Signal.NONE, null) : uncredited(refusal);
    }

    private static DepositStep uncredited(String refusal) {
        return new DepositStep(DepositState.UNCREDITED, false, Signal.UNCREDITED, refusal);
    }
}
