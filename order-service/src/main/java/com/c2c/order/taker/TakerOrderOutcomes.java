package com.c2c.order.taker;

import com.c2c.order.ad.domain.Side;
import com.c2c.order.stream.FeedEvent;
import com.c2c.order.stream.OwnerFeed;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.store.TakerOrder;
import com.c2c.order.taker.store.TakerOrderRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Taker orders follow the wallet's and the book's answers. Each method runs in the consuming event's
 * transaction with the order row locked and ignores ids that are not taker orders.
 *
 * <p>A SELL order's reservation is released exactly once per part: everything if it never trades (the
 * wallet answered after a cancel, the book rejected it, or the book cancelled it), the rest if the book
 * filled less than was reserved, and each trade's quantity if that trade ends cancelled (escrow's refund
 * puts it back in RESERVED). Express and chosen-ad orders fill completely or not at all, so an order has
 * at most one of "never traded" and "traded". The status guards make each of these once per order,
 * {@code order_trade.ended} once per trade, and the command ids make a repeat harmless at the wallet.
 *
 * <p>The book answers an order before the cancel that follows it (same market partition, in order), so
 * while CANCEL_REQUESTED the first answer is about the order itself, and the cancel's own answer (an
 * UNKNOWN_ID rejection when the order had already been filled or rejected) finds it final and changes
 * nothing.
 */
@ApplicationScoped
public class TakerOrderOutcomes {
    private static final Logger LOG = Logger.getLogger(TakerOrderOutcomes.class);

    private final OrderAnnouncements announce;
    private final OwnerFeed feed;

    TakerOrderOutcomes(OrderAnnouncements announce, OwnerFeed feed) {
        this.announce = announce;
        this.feed = feed;
    }

    /** The wallet reserved a SELL order's USDT: it goes to the book, unless the owner cancelled meanwhile. */
    public Uni<Void> fundsReserved(UUID orderId) {
        return locked(orderId).chain(order -> {
            if (order == null) {
                return none();
            }
            if (order.status == OrderStatus.PENDING_FUNDING) {
                return change(order, OrderStatus.PLACED, null).chain(() -> announce.place(order));
            }
            if (order.status == OrderStatus.CANCELLED) {
                return announce.release(order, "cancel", order.reservedMicros, "ORDER_CANCELLED");
            }
            return none();
        });
    }

    /** The wallet could not reserve a SELL order's USDT. */
    public Uni<Void> reserveRejected(UUID orderId, String reason, String message) {
        return locked(orderId).chain(order -> order != null && order.status == OrderStatus.PENDING_FUNDING
                ? change(order, OrderStatus.REJECTED, reason + ": " + message)
                : none());
    }

    /** The book matched the order (it is the trade's taker); a SELL order's unfilled rest is released. */
    public Uni<Void> matched(UUID orderId, long quantity) {
        return locked(orderId).chain(order -> {
            if (order == null || !order.status.awaitsBook()) {
                return none();
            }
            if (order.side == Side.SELL && quantity > order.reservedMicros) {
                LOG.errorf("order %s: the book sold %d but only %d was reserved", orderId, quantity,
                        order.reservedMicros);
            }
            return change(order, OrderStatus.MATCHED, null).chain(() -> announce.release(order, "unfilled",
                    order.reservedMicros - quantity, "ORDER_UNFILLED_REST"));
        });
    }

    /** The book refused the order: a SELL order's whole reservation is released. */
    public Uni<Void> rejected(UUID orderId, String reason, String message) {
        return locked(orderId).chain(order -> {
            if (order == null || !order.status.awaitsBook()) {
                return none(); // e.g. the UNKNOWN_ID answer to the cancel of an order already matched
            }
            return change(order, OrderStatus.REJECTED, reason + ": " + message)
                    .chain(() -> announce.release(order, "rejected", order.reservedMicros, "ORDER_REJECTED"));
        });
    }

    /** The book took the order off without trading it (a resting order cancelled): release what it reports. */
    public Uni<Void> bookCancelled(UUID orderId, long quantity) {
        return locked(orderId).chain(order -> {
            if (order == null || !order.status.awaitsBook()) {
                return none();
            }
            return change(order, OrderStatus.CANCELLED, null)
                    .chain(() -> announce.release(order, "cancel", quantity, "ORDER_CANCELLED"));
        });
    }

    /** The order's trade ended cancelled: a SELL order's quantity is back in RESERVED, and is released. */
    public Uni<Void> tradeReturned(UUID orderId, UUID tradeId, long quantity) {
        return locked(orderId).chain(order -> order == null
                ? none()
                : announce.release(order, tradeId.toString(), quantity, "TRADE_CANCELLED"));
    }

    /**
     * The one place a consumed answer changes an order's status: the row is written, and its owner's stream hears
     * of it, in the same transaction.
     */
    private Uni<Void> change(TakerOrder order, OrderStatus status, String rejectReason) {
        order.status = status;
        if (rejectReason != null) {
            order.rejectReason = rejectReason;
        }
        order.updatedAt = Instant.now();
        return TakerOrderRows.writeStatus(order)
                .chain(() -> feed.append(order.ownerId, FeedEvent.OrderStatusChanged.of(order)));
    }

    /** The order with its row locked (a plain object: {@link #change} writes it back), or null. */
    private static Uni<TakerOrder> locked(UUID orderId) {
        return orderId == null ? Uni.createFrom().nullItem() : TakerOrderRows.lock(orderId);
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }
}
