package com.c2c.wallet.withdrawal.api;

import com.c2c.chain.evm.EvmAddress;
import com.c2c.events.UsdtAmount;
import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import com.c2c.wallet.withdrawal.store.Withdrawal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A withdrawal as its owner and the admins see it. */
public record WithdrawalView(
        UUID id,
        String ownerId,
        long chainId,
        @Schema(description = "EIP-55 checksummed") String toAddress,
        String asset,
        BigDecimal amount,
        @Schema(description = "held with the amount; the platform keeps it when the withdrawal is sent") BigDecimal fee,
        WithdrawalState state,
        @Schema(description = "why it was rejected or failed", nullable = true) String reason,
        @Schema(description = "admins' approvals it needs: 0, or 2 over the approval threshold") int approvalsRequired,
        @Schema(description = "the admins who approved it") List<String> approvedBy,
        @Schema(description = "when its new-address cool-down ends (once its owner confirmed it)", nullable = true)
        Instant cooldownUntil,
        @Schema(description = "its transaction, once signed", nullable = true) String txHash,
        Instant createdAt,
        Instant updatedAt) {

    public static WithdrawalView of(Withdrawal w, Set<String> approvers) {
        return new WithdrawalView(w.id, w.ownerId, w.chainId, EvmAddress.parse(w.toAddress).toChecksummed(), w.asset,
                UsdtAmount.fromMicros(w.amountMicros), UsdtAmount.fromMicros(w.feeMicros), w.state, w.reason,
                w.approvalsRequired, List.copyOf(approvers), w.cooldownUntil, w.txHash, w.createdAt, w.updatedAt);
    }
}
