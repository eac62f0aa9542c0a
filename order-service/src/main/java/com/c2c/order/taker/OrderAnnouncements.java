package com.c2c.order.taker;

import com.c2c.events.EventTypes;
import com.c2c.events.PaymentMethod;
import com.c2c.events.Topics;
import com.c2c.events.order.OrderCancelRequested;
import com.c2c.events.order.OrderPlaced;
import com.c2c.events.wallet.ReleaseReservation;
import com.c2c.events.wallet.ReserveFunds;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.taker.domain.OrderMode;
import com.c2c.order.taker.store.TakerOrder;
import com.c2c.order.trade.CompletedTrades;
import com.c2c.platform.messaging.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What a taker order tells the book (keyed by market, in the order decided: an order's cancel always
 * follows its placement) and the wallet (keyed by owner), each in the transaction that changed the order.
 */
@ApplicationScoped
public class OrderAnnouncements {
    private final Outbox outbox;
    private final CompletedTrades completedTrades;

    OrderAnnouncements(Outbox outbox, CompletedTrades completedTrades) {
        this.outbox = outbox;
        this.completedTrades = completedTrades;
    }

    /**
     * Sends the order to the book with the taker's completed trades as of now. A SELL order stated in fiat
     * on a chosen ad goes as AD_QUANTITY of exactly what was reserved: were the ad's price to fall before
     * the book saw the order, the fiat amount would buy more USDT than the wallet holds for it. The order's
     * price limit goes with it: the book fills it at no worse price.
     */
    Uni<Void> place(TakerOrder order) {
        boolean reservedQuantity = order.side == Side.SELL && order.mode == OrderMode.AD_FIAT;
        String mode = reservedQuantity ? OrderMode.AD_QUANTITY.name() : order.mode.name();
        long amount = reservedQuantity ? order.reservedMicros : order.amount;
        return completedTrades.of(order.ownerId)
                .chain(completed -> outbox.add(Topics.ORDER_EVENTS, order.market, EventTypes.ORDER_PLACED,
                        order.id.toString(), new OrderPlaced(order.id, order.ownerId, order.market, order.side.name(),
                                mode, amount, 0, "IOC", List.of(PaymentMethod.valueOf(order.paymentMethod)),
                                completed, order.adId, order.priceLimitMinor)))
                .replaceWithVoid();
    }

    Uni<Void> cancel(TakerOrder order) {
        return outbox.add(Topics.ORDER_EVENTS, order.market, EventTypes.ORDER_CANCEL_REQUESTED, order.id.toString(),
                new OrderCancelRequested(order.id, order.market)).replaceWithVoid();
    }

    /** Asks the wallet to reserve a SELL order's USDT; it answers FundsReserved or WalletCommandRejected. */
    Uni<Void> reserve(TakerOrder order) {
        return outbox.add(Topics.WALLET_COMMANDS, order.ownerId, EventTypes.RESERVE_FUNDS, order.id.toString(),
                new ReserveFunds(reserveCommandId(order), order.id, order.ownerId, order.reservedMicros))
                .replaceWithVoid();
    }

    /** Gives reserved USDT back; {@code cause} makes the command id, so one cause is released once. */
    Uni<Void> release(TakerOrder order, String cause, long quantityMicros, String reason) {
        if (order.side != Side.SELL || quantityMicros <= 0) {
            return Uni.createFrom().voidItem();
        }
        return outbox.add(Topics.WALLET_COMMANDS, order.ownerId, EventTypes.RELEASE_RESERVATION, order.id.toString(),
                new ReleaseReservation("release-order:" + order.id + ":" + cause, order.id, order.ownerId,
                        quantityMicros, reason))
                .replaceWithVoid();
    }

    static String reserveCommandId(TakerOrder order) {
        return "reserve-order:" + order.id;
    }
}
