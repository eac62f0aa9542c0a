package com.c2c.wallet.withdrawal;

import com.c2c.wallet.signer.TransferListener;
import com.c2c.wallet.signer.TransferView;
import com.c2c.wallet.withdrawal.store.Withdrawal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What the signer does to a withdrawal's transfer (its id is the withdrawal's), inside the signer's own
 * transaction: signed → SIGNED, broadcast → BROADCAST, blocked before signing (a blacklisted party) → FAILED with
 * the hold returned. Mined is the signer's view at depth 1 and changes nothing here: chain-watcher's report at the
 * chain's depth settles the withdrawal ({@link WithdrawalChainReports}). Transfers that are not withdrawals are
 * not ours.
 */
@ApplicationScoped
public class WithdrawalTransferListener implements TransferListener {
    private final WithdrawalSettlement settlement;

    WithdrawalTransferListener(WithdrawalSettlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public Uni<Void> changed(TransferView transfer) {
        UUID id = WithdrawalChainReports.withdrawalId(transfer.id());
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return Withdrawal.<Withdrawal>findById(id).chain(w -> {
            if (w == null) {
                return Uni.createFrom().voidItem();
            }
            return switch (transfer.state()) {
                case SIGNED -> settlement.signed(id, transfer.txHash()).replaceWithVoid();
                case BROADCAST -> settlement.broadcast(id, transfer.txHash()).replaceWithVoid();
                case BLOCKED -> settlement.failed(id, "not sent: " + transfer.reason()).replaceWithVoid();
                default -> Uni.createFrom().voidItem();
            };
        });
    }
}
