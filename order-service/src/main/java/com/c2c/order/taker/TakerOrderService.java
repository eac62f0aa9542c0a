package com.c2c.order.taker;

import com.c2c.events.EventTypes;
import com.c2c.events.FiatAmount;
import com.c2c.events.PaymentMethod;
import com.c2c.events.Topics;
import com.c2c.events.UsdtAmount;
import com.c2c.events.order.OrderPlaced;
import com.c2c.order.ad.domain.Side;
import com.c2c.order.taker.api.PlaceOrderRequest;
import com.c2c.order.taker.domain.OrderMode;
import com.c2c.order.taker.domain.OrderStatus;
import com.c2c.order.taker.store.TakerOrder;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Taker orders: stored and sent to the book ({@code OrderPlaced}) in one transaction, once per
 * idempotency key — a retried request gets the order it already created.
 */
@ApplicationScoped
public class TakerOrderService {
    static final int MAX_KEY_LENGTH = 100;

    private final Outbox outbox;

    TakerOrderService(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Placed(TakerOrder order, boolean created) {
    }

    @WithTransaction
    public Uni<Placed> place(String ownerId, String idempotencyKey, PlaceOrderRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField("Idempotency-Key",
                    "header is required on every POST (1.." + MAX_KEY_LENGTH + " characters, unique per request)");
        }
        TakerOrder order = validOrder(ownerId, idempotencyKey, request);
        return TakerOrder.<TakerOrder>find("ownerId = ?1 and idempotencyKey = ?2", ownerId, idempotencyKey)
                .firstResult()
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(sameOrConflict(existing, order))
                        : create(order));
    }

    @WithSession
    public Uni<TakerOrder> mine(String ownerId, UUID id) {
        return TakerOrder.<TakerOrder>findById(id)
                .map(o -> o == null || !o.ownerId.equals(ownerId) ? null : o)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("order " + id));
    }

    @WithSession
    public Uni<List<TakerOrder>> mine(String ownerId, int page, int size) {
        return TakerOrder.<TakerOrder>find("ownerId", Sort.descending("createdAt"), ownerId)
                .page(Page.of(page, size)).list();
    }

    /** The book matched the order. Runs in the consumer's transaction; repeats change nothing. */
    public Uni<Void> matched(UUID orderId) {
        return TakerOrder.<TakerOrder>findById(orderId).invoke(o -> {
            if (o != null && o.status == OrderStatus.PLACED) {
                o.status = OrderStatus.MATCHED;
            }
        }).replaceWithVoid();
    }

    /** The book refused the order; the reason is kept for its owner. */
    public Uni<Void> rejected(UUID orderId, String reason) {
        return TakerOrder.<TakerOrder>findById(orderId).invoke(o -> {
            if (o != null && o.status == OrderStatus.PLACED) {
                o.status = OrderStatus.REJECTED;
                o.rejectReason = reason;
            }
        }).replaceWithVoid();
    }

    private Uni<Placed> create(TakerOrder order) {
        OrderPlaced event = new OrderPlaced(order.id, order.ownerId, order.market, order.side.name(),
                order.mode.name(), order.amount, 0, "IOC",
                List.of(PaymentMethod.valueOf(order.paymentMethod)), 0, null);
        return order.<TakerOrder>persist()
                .call(() -> outbox.add(Topics.ORDER_EVENTS, order.market, EventTypes.ORDER_PLACED, order.id.toString(),
                        event))
                .map(o -> new Placed(o, true));
    }

    private static Placed sameOrConflict(TakerOrder existing, TakerOrder retry) {
        boolean same = existing.market.equals(retry.market) && existing.side == retry.side
                && existing.mode == retry.mode && existing.amount == retry.amount
                && Objects.equals(existing.paymentMethod, retry.paymentMethod);
        if (!same) {
            throw ProblemException.conflict("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different order");
        }
        return new Placed(existing, false);
    }

    private static TakerOrder validOrder(String ownerId, String key, PlaceOrderRequest request) {
        if (!"USDT".equals(request.asset())) {
            throw ProblemException.invalidField("asset", "must be USDT");
        }
        if (request.side() != Side.BUY) {
            throw ProblemException.invalidField("side", "selling into BUY ads is not open yet; only BUY");
        }
        Currency fiat = ProblemException.field("fiat", () -> FiatAmount.currency(request.fiat()));
        TakerOrder order = new TakerOrder();
        order.id = UUID.randomUUID();
        order.ownerId = ownerId;
        order.idempotencyKey = key;
        order.market = FiatAmount.market("USDT", fiat);
        order.side = request.side();
        order.mode = request.mode();
        order.amount = ProblemException.field("amount", () -> request.mode() == OrderMode.EXPRESS_FIAT
                ? FiatAmount.toMinor(request.amount(), fiat)
                : UsdtAmount.toMicros(request.amount()));
        order.paymentMethod = request.paymentMethod().name();
        order.status = OrderStatus.PLACED;
        order.createdAt = Instant.now();
        return order;
    }
}
