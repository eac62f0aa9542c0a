package com.c2c.wallet.withdrawal;

import static com.c2c.wallet.withdrawal.domain.WithdrawalState.APPROVED;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.AWAITING_APPROVAL;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.AWAITING_USER_CONFIRMATION;
import static com.c2c.wallet.withdrawal.domain.WithdrawalState.COOLING_DOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.wallet.withdrawal.domain.WithdrawalAction;
import com.c2c.wallet.withdrawal.domain.WithdrawalLifecycle;
import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import org.junit.jupiter.api.Test;

/** The order of the checks: new address (confirmation, cool-down) first, then the admins, then APPROVED. */
class WithdrawalLifecycleTest {

    @Test
    void thresholdIsExclusive() {
        assertEquals(0, WithdrawalLifecycle.approvalsRequired(1_000_000_000L, 1_000_000_000L));
        assertEquals(2, WithdrawalLifecycle.approvalsRequired(1_000_000_001L, 1_000_000_000L));
    }

    @Test
    void aNewAddressIsConfirmedAndCooledDownBeforeTheAdminsLook() {
        assertEquals(AWAITING_USER_CONFIRMATION, WithdrawalLifecycle.onRequest(true, 2));
        assertEquals(COOLING_DOWN, WithdrawalLifecycle.after(WithdrawalAction.CONFIRM_ADDRESS, 2, 0));
        assertEquals(AWAITING_APPROVAL, WithdrawalLifecycle.after(WithdrawalAction.COOL_DOWN_PASSED, 2, 0));
        assertEquals(AWAITING_APPROVAL, WithdrawalLifecycle.after(WithdrawalAction.APPROVE, 2, 1));
        assertEquals(APPROVED, WithdrawalLifecycle.after(WithdrawalAction.APPROVE, 2, 2));
        assertEquals(APPROVED, WithdrawalLifecycle.after(WithdrawalAction.COOL_DOWN_PASSED, 0, 0));
    }

    @Test
    void aKnownAddressSkipsConfirmationAndCoolDown() {
        assertEquals(APPROVED, WithdrawalLifecycle.onRequest(false, 0));
        assertEquals(AWAITING_APPROVAL, WithdrawalLifecycle.onRequest(false, 2));
    }

    @Test
    void nothingSignedCanBeCancelledOrRejectedAndNothingElse() {
        for (WithdrawalState state : WithdrawalState.values()) {
            assertEquals(state.beforeSigning(), WithdrawalAction.CANCEL.allowedFrom(state), state.name());
            assertEquals(state.beforeSigning(), WithdrawalAction.REJECT.allowedFrom(state), state.name());
            if (state.isFinal()) {
                for (WithdrawalAction action : WithdrawalAction.values()) {
                    assertFalse(action.allowedFrom(state), action + " from " + state);
                }
            }
        }
        assertTrue(WithdrawalAction.SETTLE_FAILED.allowedFrom(WithdrawalState.BROADCAST));
        assertFalse(WithdrawalAction.SETTLE_CONFIRMED.allowedFrom(AWAITING_APPROVAL));
    }
}
