package com.c2c.wallet.withdrawal;

import com.c2c.events.chain.OutgoingTransferConfirmed;
import com.c2c.events.chain.OutgoingTransferFailed;
import com.c2c.platform.messaging.consumer.PoisonEvent;
import com.c2c.wallet.withdrawal.store.Withdrawal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * chain-watcher's reports on the transfers the signer sent, at the chain's confirmation depth (runs in the
 * chain-events consumer's inbox transaction): a withdrawal's transfer confirmed → its hold goes to the hot wallet's
 * custody and FEES (CONFIRMED); reverted → the hold returns (FAILED). A report naming no withdrawal of this wallet
 * can never be applied: poison, dead-lettered for an operator. Sweeps are settled by SweepSettlement.
 */
@ApplicationScoped
public class WithdrawalChainReports {
    static final String WITHDRAWAL = "WITHDRAWAL";

    private final WithdrawalSettlement settlement;

    WithdrawalChainReports(WithdrawalSettlement settlement) {
        this.settlement = settlement;
    }

    public Uni<Void> confirmed(OutgoingTransferConfirmed report) {
        return known(report.purpose(), report.transferId())
                .chain(id -> settlement.confirmed(id, report.fromAddress(), report.txHash())).replaceWithVoid();
    }

    public Uni<Void> failed(OutgoingTransferFailed report) {
        return known(report.purpose(), report.transferId())
                .chain(id -> settlement.failed(id, "transaction " + report.txHash() + " " + report.reason()))
                .replaceWithVoid();
    }

    private static Uni<UUID> known(String purpose, String transferId) {
        UUID id = withdrawalId(transferId);
        if (!WITHDRAWAL.equals(purpose) || id == null) {
            throw PoisonEvent.invalid("transfer " + transferId + " (" + purpose + ") is not a withdrawal of this wallet");
        }
        return Withdrawal.<Withdrawal>findById(id).map(w -> {
            if (w == null) {
                throw PoisonEvent.invalid("no withdrawal " + transferId);
            }
            return id;
        });
    }

    /** The withdrawal a transfer id names (a withdrawal's transfer id is its own id), or null. */
    static UUID withdrawalId(String transferId) {
        try {
            return UUID.fromString(transferId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
