package com.c2c.escrow.trade.messaging;

import com.c2c.escrow.trade.domain.FundsMovement;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.wallet.LockFunds;
import com.c2c.events.wallet.RefundFunds;
import com.c2c.events.wallet.ReleaseFunds;
import com.c2c.platform.messaging.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Escrow's commands to the wallet on {@link Topics#WALLET_COMMANDS}, through the outbox in the
 * transaction that decides them. Keyed by the seller, whose USDT moves, so one seller's commands
 * apply in the order they were decided.
 */
@ApplicationScoped
public class WalletOrders {
    private final Outbox outbox;

    WalletOrders(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> lock(Trade t) {
        return send(t, EventTypes.LOCK_FUNDS, new LockFunds(t.id, t.sellerId, t.buyerId, t.quantityMicros));
    }

    /** The command that makes the decided movement; {@link FundsMovement#NONE} sends nothing. */
    public Uni<Void> move(Trade t, FundsMovement movement) {
        return switch (movement) {
            case RELEASE_TO_BUYER -> send(t, EventTypes.RELEASE_FUNDS,
                    new ReleaseFunds(t.id, t.sellerId, t.buyerId, t.quantityMicros));
            case REFUND_TO_SELLER -> send(t, EventTypes.REFUND_FUNDS,
                    new RefundFunds(t.id, t.sellerId, t.quantityMicros));
            case NONE -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> send(Trade t, String type, Object command) {
        return outbox.add(Topics.WALLET_COMMANDS, t.sellerId, type, t.id.toString(), command).replaceWithVoid();
    }
}
