package com.c2c.events.wallet;

import com.c2c.events.Nullable;
import java.util.UUID;

/**
 * A withdrawal moved to {@code state} (ADR 0014): requested (its first state), confirmed by its owner, cooled
 * down, approved, cancelled, rejected, signed, broadcast, confirmed on chain or failed. Its amount and fee are
 * held in the owner's WITHDRAWING account until CONFIRMED (sent) or CANCELLED / REJECTED / FAILED (returned).
 */
public record WithdrawalStateChanged(UUID withdrawalId, String ownerId, long chainId, String toAddress, String asset,
        long amountMicros, long feeMicros, String state, @Nullable String reason, @Nullable String txHash) {
}
