package com.c2c.matching.market;

import com.c2c.platform.messaging.audit.AuditTrail;
import com.c2c.events.EventTypes;
import com.c2c.events.FiatAmount;
import com.c2c.events.Topics;
import com.c2c.events.matching.MarketOpened;
import com.c2c.matching.book.BookDepth;
import com.c2c.matching.book.PublishedDepths;
import com.c2c.matching.market.api.OpenMarketRequest;
import com.c2c.matching.market.store.Market;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opening markets: each one gets a book, and its prices move in whole ticks. */
@ApplicationScoped
public class MarketService {
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PublishedDepths depths;
    /** Open markets' currencies, as depth requests found them: a market never changes once open. */
    private final Map<String, Currency> fiatOfOpenMarket = new ConcurrentHashMap<>();

    MarketService(Outbox outbox, AuditTrail audit, PublishedDepths depths) {
        this.outbox = outbox;
        this.audit = audit;
        this.depths = depths;
    }

    /** A market's book depth in its fiat currency. */
    public record MarketDepth(Currency fiat, BookDepth depth) {
    }

    /**
     * The market's latest published depth (never the engine's books themselves): 404 if the market is not
     * open, 503 until the engine has built its books (or on an instance that does not run the engine).
     */
    public Uni<MarketDepth> depth(String id) {
        Currency known = fiatOfOpenMarket.get(id);
        Uni<Currency> fiat = known != null ? Uni.createFrom().item(known)
                : find(id).map(m -> fiatOfOpenMarket.computeIfAbsent(m.id, k -> Currency.getInstance(m.fiat)));
        return fiat.map(currency -> new MarketDepth(currency, depths.latest(id).orElseThrow(
                () -> ProblemException.unavailable("the book depth is not available yet: the matching engine has not"
                        + " built its books"))));
    }

    /** Opens the market and emits {@code MarketOpened} in one transaction; 409 if it is already open. */
    @WithTransaction
    public Uni<Market> open(String callerId, OpenMarketRequest request) {
        if (!"USDT".equals(request.asset())) {
            throw ProblemException.invalidField("asset", "must be USDT");
        }
        Currency fiat;
        long tick;
        try {
            fiat = FiatAmount.currency(request.fiat());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("fiat", e.getMessage());
        }
        try {
            tick = FiatAmount.toMinor(request.tickSize(), fiat);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("tickSize", e.getMessage());
        }
        Market market = new Market();
        market.id = FiatAmount.market(request.asset(), fiat);
        market.asset = request.asset();
        market.fiat = fiat.getCurrencyCode();
        market.fiatScale = fiat.getDefaultFractionDigits();
        market.tickMinor = tick;
        market.openedBy = callerId;
        market.openedAt = Instant.now();
        MarketOpened event = new MarketOpened(market.id, market.asset, market.fiat, market.fiatScale, tick);
        return Market.<Market>findById(market.id)
                .onItem().ifNotNull().failWith(() -> ProblemException.conflict("market-exists",
                        "market " + market.id + " is already open"))
                .chain(() -> market.<Market>persist())
                .call(() -> outbox.add(Topics.MATCHING_EVENTS, market.id, EventTypes.MARKET_OPENED, market.id, event))
                .call(() -> audit.record(callerId, "market.open", market.id, "tick " + request.tickSize()));
    }

    @WithSession
    public Uni<Market> find(String id) {
        return Market.<Market>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("market " + id));
    }
}
