package com.c2c.wallet.withdrawal;

import com.c2c.chain.evm.EvmAddress;
import com.c2c.wallet.withdrawal.domain.WithdrawalAction;
import com.c2c.wallet.withdrawal.domain.WithdrawalLifecycle;
import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import com.c2c.wallet.withdrawal.store.Withdrawal;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The chain side of withdrawals (ADR 0014), for the signer and the chain-watcher's reports: what may be sent,
 * that it was signed and broadcast, and how it ended. Each call is its own transaction (or joins the caller's),
 * locks the withdrawal's row and is idempotent: a repeat of the step already taken changes nothing and answers
 * the withdrawal as it is; a step the withdrawal's state does not allow is an IllegalStateException.
 */
@ApplicationScoped
public class WithdrawalSettlement {
    private final WithdrawalMoves moves;

    WithdrawalSettlement(WithdrawalMoves moves) {
        this.moves = moves;
    }

    /** APPROVED withdrawals, the longest-approved first: what the signer takes (their rows are not locked). */
    @WithTransaction
    public Uni<List<Withdrawal>> approvedReadyToSend(int limit) {
        return Withdrawal.<Withdrawal>find("state = ?1 order by updatedAt, id", WithdrawalState.APPROVED)
                .page(0, limit).list();
    }

    /** The signer persisted the signed transaction {@code txHash} (before broadcasting it): APPROVED → SIGNED. */
    @WithTransaction
    public Uni<Withdrawal> signed(UUID id, String txHash) {
        return step(id, WithdrawalAction.SIGN, txHash, null, null);
    }

    /**
     * The node knows the transaction: SIGNED → BROADCAST. {@code txHash} is the version sent (a replacement at a
     * higher fee has its own hash).
     */
    @WithTransaction
    public Uni<Withdrawal> broadcast(UUID id, String txHash) {
        return step(id, WithdrawalAction.BROADCAST_TX, txHash, null, null);
    }

    /**
     * The transaction {@code txHash} from the hot wallet {@code hotWallet} is mined at the chain's depth: the hold
     * goes to that address's CUSTODY account ({@code custody:<chain>:<hotWallet>}, the amount) and to FEES (the
     * fee); CONFIRMED.
     */
    @WithTransaction
    public Uni<Withdrawal> confirmed(UUID id, String hotWallet, String txHash) {
        String from = EvmAddress.parse(hotWallet).toLowerCase();
        return step(id, WithdrawalAction.SETTLE_CONFIRMED, txHash, null, from);
    }

    /** It cannot be sent, or its transaction reverted: the hold returns to AVAILABLE; FAILED with {@code reason}. */
    @WithTransaction
    public Uni<Withdrawal> failed(UUID id, String reason) {
        return step(id, WithdrawalAction.SETTLE_FAILED, null, reason, null);
    }

    private Uni<Withdrawal> step(UUID id, WithdrawalAction action, String txHash, String reason, String hotWallet) {
        return Withdrawal.lock(id).chain(w -> {
            if (w == null) {
                throw new IllegalArgumentException("no withdrawal " + id);
            }
            WithdrawalState to = WithdrawalLifecycle.after(action, w.approvalsRequired, 0);
            if (w.state == to) {
                return Uni.createFrom().item(w); // reported again
            }
            if (!action.allowedFrom(w.state)) {
                throw new IllegalStateException("withdrawal " + id + " is " + w.state + "; it cannot be "
                        + action.verb());
            }
            if (txHash != null) {
                w.txHash = txHash;
            }
            if (action == WithdrawalAction.SETTLE_CONFIRMED && w.txHash == null) {
                throw new IllegalArgumentException("a confirmed withdrawal needs its transaction hash");
            }
            return moves.move(w, action, to, action.actor().name().toLowerCase(), reason, hotWallet);
        });
    }
}
