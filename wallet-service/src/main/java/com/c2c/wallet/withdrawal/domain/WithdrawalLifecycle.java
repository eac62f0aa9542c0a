package com.c2c.wallet.withdrawal.domain;

/**
 * Where a withdrawal goes, as pure functions. The order of the checks a new withdrawal passes (ADR 0014):
 * a new address first needs its owner's confirmation and then the cool-down, and only after that does a
 * large amount wait for the admins — so admins review only what its owner confirmed and did not cancel
 * during the cool-down, and the cool-down cannot run out while the admins look.
 */
public final class WithdrawalLifecycle {
    /** Distinct admins who approve a withdrawal over the threshold. */
    public static final int APPROVALS_OVER_THRESHOLD = 2;

    private WithdrawalLifecycle() {
    }

    /** Approvals a withdrawal of {@code amountMicros} needs: none up to the threshold, two above it. */
    public static int approvalsRequired(long amountMicros, long thresholdMicros) {
        return amountMicros > thresholdMicros ? APPROVALS_OVER_THRESHOLD : 0;
    }

    /** The state a new withdrawal starts in. */
    public static WithdrawalState onRequest(boolean newAddress, int approvalsRequired) {
        return newAddress ? WithdrawalState.AWAITING_USER_CONFIRMATION : afterChecksOfTheAddress(approvalsRequired);
    }

    /** The state after {@code action}; {@code approvals} counts the approvals including one this action adds. */
    public static WithdrawalState after(WithdrawalAction action, int approvalsRequired, int approvals) {
        return switch (action) {
            case COOL_DOWN_PASSED -> afterChecksOfTheAddress(approvalsRequired);
            case APPROVE -> approvals >= approvalsRequired ? WithdrawalState.APPROVED : WithdrawalState.AWAITING_APPROVAL;
            default -> action.fixedTarget();
        };
    }

    private static WithdrawalState afterChecksOfTheAddress(int approvalsRequired) {
        return approvalsRequired > 0 ? WithdrawalState.AWAITING_APPROVAL : WithdrawalState.APPROVED;
    }
}
