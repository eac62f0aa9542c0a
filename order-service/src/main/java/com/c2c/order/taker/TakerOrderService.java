package com.c2c.order.taker;

import com.c2c.order.ad.domain.Side;
import com.c2c.order.ad.PriceProtection;
import com.c2c.order.ad.store.AdRows;
import com.c2c.order.ad.store.AdRows.ChosenAd;
import com.c2c.order.ad.store.ReferencePrice;
import com.c2c.order.idempotency.IdempotencyKey;
import com.c2c.order.idempotency.IdempotentCreation;
import com.c2c.order.idempotency.IdempotentCreation.Outcome;
import com.c2c.order.stream.FeedEvent;
import com.c2c.order.stream.OwnerFeed;
import com.c2c.order.taker.api.PlaceOrderRequest;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.domain.PriceLimitSource;
import com.c2c.order.taker.store.TakerOrder;
import com.c2c.order.taker.store.TakerOrderRows;
import com.c2c.order.trade.TradeProgress;
import com.c2c.order.trade.store.OrderTrade;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.Problem;
import com.c2c.platform.web.ProblemException;
import com.c2c.platform.web.TimeAndId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Taker orders: stored, once per idempotency key, in one transaction with their first message: a BUY
 * order goes to the book ({@code OrderPlaced}); a SELL order first asks the wallet to reserve its USDT
 * ({@code ReserveFunds}) and goes to the book when it is reserved (see {@link TakerOrderOutcomes}).
 */
@ApplicationScoped
public class TakerOrderService {
    private final OrderAnnouncements announce;
    private final TradeProgress trades;
    private final OwnerFeed feed;
    private final PriceProtection protection;

    TakerOrderService(OrderAnnouncements announce, TradeProgress trades, OwnerFeed feed, PriceProtection protection) {
        this.announce = announce;
        this.trades = trades;
        this.feed = feed;
        this.protection = protection;
    }

    /** An order with its latest trade (null until the book or escrow reported one). */
    public record OrderWithTrade(TakerOrder order, OrderTrade trade) {
    }

    public Uni<Outcome<TakerOrder>> place(String ownerId, IdempotencyKey key, PlaceOrderRequest request) {
        OrderRequests.check(request);
        return IdempotentCreation.retryingRace(() -> Panache.withTransaction(() -> IdempotentCreation.once(
                TakerOrderRows.byKey(ownerId, key.value()),
                stored -> OrderRequests.sameOrder(stored, request), "order",
                () -> newOrder(ownerId, key.value(), request).chain(this::limited).chain(this::create))));
    }

    /**
     * An express order without a priceLimit of its own is limited to the fiat's reference price plus (BUY)
     * or minus (SELL) the configured deviation; with no reference price there is nothing to derive it from,
     * and the order is refused rather than sent to the book unbounded (issue 10, item 6).
     */
    private Uni<TakerOrder> limited(TakerOrder order) {
        if (order.priceLimitMinor != null) {
            return Uni.createFrom().item(order);
        }
        return ReferencePrice.<ReferencePrice>findById(order.fiat()).map(reference -> {
            if (reference == null) {
                throw new ProblemException(409, "no-reference-price", "Conflict with the current state",
                        "there is no reference price for " + order.fiat() + ", so the order's price limit cannot be"
                                + " derived from it; give priceLimit (the most you pay when buying, the least you"
                                + " accept when selling)",
                        List.of(new Problem.FieldError("priceLimit", "is required while " + order.fiat()
                                + " has no reference price")));
            }
            order.priceLimitMinor = protection.takerLimit(order.side, reference.priceMinor);
            order.priceLimitSource = PriceLimitSource.REFERENCE;
            return order;
        });
    }

    private Uni<TakerOrder> newOrder(String ownerId, String key, PlaceOrderRequest request) {
        if (!request.mode().onChosenAd()) {
            return Uni.createFrom().item(() -> OrderRequests.newOrder(ownerId, key, request,
                    OrderRequests.market(request), null));
        }
        return AdRows.chosen(request.adId()).map(found -> {
            ChosenAd ad = OrderRequests.takeable(found, request.adId(), ownerId, request);
            return OrderRequests.newOrder(ownerId, key, request, ad.market(), ad);
        });
    }

    private Uni<TakerOrder> create(TakerOrder order) {
        return TakerOrderRows.insert(order)
                .replaceWith(order)
                .call(() -> feed.append(order.ownerId, FeedEvent.OrderStatusChanged.of(order)))
                .call(() -> order.side == Side.SELL ? announce.reserve(order) : announce.place(order));
    }

    /**
     * The owner cancels: before the order reached the book it is CANCELLED at once (a reservation that
     * still arrives is released); once sent, the book is asked (CANCEL_REQUESTED) and its answer decides —
     * an express order is matched or rejected at once, so the book usually has it no more.
     */
    @WithTransaction
    public Uni<TakerOrder> cancel(String ownerId, UUID id) {
        return TakerOrder.<TakerOrder>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(o -> o == null || !o.ownerId.equals(ownerId) ? null : o)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("order " + id))
                .chain(order -> switch (order.status) {
                    case CANCELLED, CANCEL_REQUESTED -> Uni.createFrom().item(order);
                    case PENDING_FUNDING -> changed(order, OrderStatus.CANCELLED).replaceWith(order);
                    case PLACED -> changed(order, OrderStatus.CANCEL_REQUESTED)
                            .chain(() -> announce.cancel(order)).replaceWith(order);
                    case MATCHED, REJECTED -> Uni.createFrom().failure(ProblemException.conflict(
                            "order-not-cancellable", "order is " + order.status
                                    + "; only orders the book has not answered yet can be cancelled"));
                });
    }

    /** The owner's cancel changes the status; the owner's stream hears of it in the same transaction. */
    private Uni<Void> changed(TakerOrder order, OrderStatus status) {
        order.status = status;
        order.updatedAt = Instant.now();
        return feed.append(order.ownerId, FeedEvent.OrderStatusChanged.of(order));
    }

    @WithSession
    public Uni<OrderWithTrade> mine(String ownerId, UUID id) {
        return TakerOrder.<TakerOrder>findById(id)
                .map(o -> o == null || !o.ownerId.equals(ownerId) ? null : o)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("order " + id))
                .chain(order -> trades.ofOrders(List.of(order.id))
                        .map(byOrder -> new OrderWithTrade(order, byOrder.get(order.id))));
    }

    /** The owner's orders with their trades, newest first, strictly after the position asked for (index taker_order_owner). */
    @WithSession
    public Uni<Page<OrderWithTrade>> mine(String ownerId, PageAfter<TimeAndId> ask) {
        TimeAndId after = ask.after();
        String hql = "from TakerOrder o where o.ownerId = :owner"
                + (after == null ? "" : " and (o.createdAt, o.id) < (:at, :id)") + " order by o.createdAt desc, o.id desc";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, TakerOrder.class).setParameter("owner", ownerId);
            if (after != null) {
                query.setParameter("at", after.at()).setParameter("id", after.id());
            }
            return query.setMaxResults(ask.fetch()).getResultList();
        }).map(rows -> ask.page(rows, order -> new TimeAndId(order.createdAt, order.id)))
                .chain(page -> trades.ofOrders(page.items().stream().map(o -> o.id).toList())
                        .map(byOrder -> page.map(o -> new OrderWithTrade(o, byOrder.get(o.id)))));
    }
}
