package com.c2c.escrow.trade;

import com.c2c.escrow.trade.api.OpenTradeRequest;
import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.events.EventTypes;
import com.c2c.events.FiatAmount;
import com.c2c.events.Topics;
import com.c2c.events.UsdtAmount;
import com.c2c.events.escrow.TradeOpened;
import com.c2c.events.matching.TradeMatched;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import java.util.function.LongSupplier;

/** Opening trades in escrow. */
@ApplicationScoped
public class TradeService {
    private final Outbox outbox;

    TradeService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Trade> open(OpenTradeRequest request) {
        String market = request.market();
        int dash = market.indexOf('-');
        if (dash < 1 || !market.startsWith("USDT-")) {
            throw ProblemException.invalidField("market", "must look like USDT-CNY");
        }
        if (request.buyerId().equals(request.sellerId())) {
            throw ProblemException.invalidField("sellerId", "must differ from buyerId");
        }
        Currency fiat;
        try {
            fiat = FiatAmount.currency(market.substring(dash + 1));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("market", "fiat " + e.getMessage());
        }
        Trade trade = new Trade();
        trade.id = UUID.randomUUID();
        trade.market = market;
        trade.buyerId = request.buyerId();
        trade.sellerId = request.sellerId();
        trade.quantityMicros = parse("quantity", () -> UsdtAmount.toMicros(request.quantity()));
        trade.priceMinor = parse("price", () -> FiatAmount.toMinor(request.price(), fiat));
        trade.fiatAmountMinor = fiatAmount(request.quantity(), request.price(), fiat);
        trade.status = TradeStatus.OPENED;
        trade.openedAt = Instant.now();
        return openAndAnnounce(trade);
    }

    /**
     * Opens the trade the book matched, under the book's trade id, in the consumer's transaction.
     * A match seen again (same trade id) opens nothing.
     */
    public Uni<Void> openMatched(TradeMatched match) {
        return Trade.<Trade>findById(match.tradeId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Trade trade = new Trade();
            trade.id = match.tradeId();
            trade.market = match.market();
            trade.buyerId = match.buyerId();
            trade.sellerId = match.sellerId();
            trade.quantityMicros = match.quantityMicros();
            trade.priceMinor = match.priceMinor();
            trade.fiatAmountMinor = match.fiatAmountMinor();
            trade.status = TradeStatus.OPENED;
            trade.openedAt = Instant.now();
            return openAndAnnounce(trade).replaceWithVoid();
        });
    }

    private Uni<Trade> openAndAnnounce(Trade trade) {
        TradeOpened event = new TradeOpened(trade.id, trade.market, trade.buyerId, trade.sellerId,
                trade.quantityMicros, trade.priceMinor, trade.fiatAmountMinor);
        return trade.<Trade>persist()
                .call(() -> outbox.add(Topics.ESCROW_EVENTS, trade.id.toString(), EventTypes.TRADE_OPENED,
                        trade.id.toString(), event));
    }

    @WithSession
    public Uni<Trade> find(UUID id) {
        return Trade.<Trade>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("trade " + id));
    }

    /** What the buyer pays: quantity × price, rounded half-up to the fiat's minor unit. */
    static long fiatAmount(BigDecimal quantity, BigDecimal price, Currency fiat) {
        return quantity.multiply(price).setScale(fiat.getDefaultFractionDigits(), RoundingMode.HALF_UP)
                .movePointRight(fiat.getDefaultFractionDigits()).longValueExact();
    }

    private static long parse(String field, LongSupplier parse) {
        try {
            return parse.getAsLong();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }
}
