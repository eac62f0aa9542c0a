package com.c2c.matching.book;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.PaymentMethod;
import com.c2c.events.matching.OrderRejected;
import com.c2c.events.matching.TradeMatched;
import com.c2c.events.order.AdAmended;
import com.c2c.events.order.AdListed;
import com.c2c.events.order.AdQuantityRestored;
import com.c2c.events.order.AdWithdrawn;
import com.c2c.events.order.OrderPlaced;
import com.c2c.platform.messaging.outbox.Outbox.NewEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The engine's memory is bounded by what the books hold: an owner is forgotten with the last of their
 * live orders and ads, an order's ids with the order, and a book keeps a bounded number of exhausted ads
 * (here 2; the engine keeps {@code Limits.EXHAUSTED_ADS_KEPT}). A command naming a forgotten ad is refused
 * UNKNOWN_ID, which order-service answers by listing the ad again with what it has or ending its withdrawal.
 * Snapshots carry exactly that state: a rebuild from any snapshot plus the replay of the rest decides as
 * the uninterrupted run.
 */
class BookStateBoundsTest {
    private static final String MARKET = "USDT-CNY";
    private static final long U = 1_000_000;
    private static final int KEPT = 2;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    /** One input record: its CloudEvent id, type and value. */
    private record Input(String eventId, String type, String value) {
    }

    @Test
    void ownersAndIdsAreForgottenWithTheirLastOrder() {
        BookState state = newState();
        List<Input> inputs = new ArrayList<>();
        List<UUID> ads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID ad = UUID.randomUUID();
            ads.add(ad);
            inputs.add(listed(ad, "seller-" + i, "SELL", 720, 1000 * U));
        }
        for (int i = 0; i < 50; i++) {
            // each taker fills part of an ad and never rests
            inputs.add(express(UUID.randomUUID(), "buyer-" + i, "BUY", 10 * U));
        }
        List<NewEvent> out = apply(state, inputs, 0);
        assertEquals(50, out.stream().filter(e -> e.data() instanceof TradeMatched).count());
        assertEquals(50, state.owners(), "the sellers of the resting ads; no taker stays");
        assertEquals(50, state.knownIds(MARKET));

        List<Input> withdrawals = ads.stream().map(this::withdrawn).toList();
        apply(state, withdrawals, inputs.size());
        assertEquals(0, state.owners(), "nobody has a live order or ad any more");
        assertEquals(0, state.knownIds(MARKET));
    }

    /** A paused ad is withdrawn and listed again under its id: the book takes it (it used to say DUPLICATE_ID). */
    @Test
    void anAdWithdrawnAndListedAgainIsOnTheBook() {
        BookState state = newState();
        UUID ad = UUID.randomUUID();
        List<NewEvent> out = apply(state, List.of(listed(ad, "seller", "SELL", 720, 100 * U), withdrawn(ad),
                listed(ad, "seller", "SELL", 720, 100 * U), express(UUID.randomUUID(), "buyer", "BUY", 10 * U)), 0);
        assertTrue(out.stream().noneMatch(e -> e.data() instanceof OrderRejected), out.toString());
        assertEquals(ad, out.stream().map(NewEvent::data).filter(TradeMatched.class::isInstance)
                .map(TradeMatched.class::cast).findFirst().orElseThrow().makerOrderId());
        assertEquals(1, state.owners());
    }

    @Test
    void exhaustedAdsBeyondTheBoundAreForgottenAndARestoreOfOneIsRefused() throws IOException {
        BookState state = newState();
        List<UUID> ads = new ArrayList<>();
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID ad = UUID.randomUUID();
            ads.add(ad);
            inputs.add(listed(ad, "seller-" + i, "SELL", 720, 10 * U));
            inputs.add(express(UUID.randomUUID(), "buyer-" + i, "BUY", 10 * U)); // takes the whole ad
        }
        apply(state, inputs, 0);
        assertEquals(KEPT, state.knownIds(MARKET), "the first ad to run out is forgotten");
        assertEquals(KEPT, state.owners(), "the sellers of the two exhausted ads kept");

        byte[] snapshot = state.snapshot();
        BookState rebuilt = newState();
        rebuilt.restore(snapshot);
        assertEquals(KEPT, rebuilt.knownIds(MARKET), "the snapshot holds only the kept exhausted ads");
        assertEquals(KEPT, rebuilt.owners());
        assertArrayEquals(snapshot, rebuilt.snapshot());

        int at = inputs.size();
        List<NewEvent> refused = apply(rebuilt, List.of(restored(ads.get(0), 5 * U)), at);
        OrderRejected rejection = (OrderRejected) refused.getFirst().data();
        assertEquals(List.of(new OrderRejected(ads.get(0), MARKET, "UNKNOWN_ID", rejection.message(),
                EventTypes.AD_QUANTITY_RESTORED)), refused.stream().map(NewEvent::data).toList());
        // The kept ones come back with returned quantity and trade again.
        List<NewEvent> revived = apply(rebuilt, List.of(restored(ads.get(2), 5 * U),
                express(UUID.randomUUID(), "buyer-x", "BUY", 5 * U)), at + 1);
        TradeMatched trade = (TradeMatched) revived.getFirst().data();
        assertEquals(ads.get(2), trade.makerOrderId());
    }

    /**
     * Over a run with takers, fills, exhausted ads forgotten, restores, moves, withdrawals and listings
     * again, a state rebuilt from a snapshot taken after any input and fed the rest emits exactly what the
     * uninterrupted run emitted from there, and ends with the same snapshot.
     */
    @Test
    void aRebuildFromAnySnapshotPlusTheReplayDecidesTheSame() throws IOException {
        List<Input> inputs = run();
        BookState whole = newState();
        List<List<NewEvent>> outputs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            outputs.add(apply(whole, List.of(inputs.get(i)), i));
        }
        assertTrue(outputs.stream().flatMap(List::stream).anyMatch(e -> e.data() instanceof OrderRejected r
                && "UNKNOWN_ID".equals(r.reason())), "the run names a forgotten ad");
        byte[] end = whole.snapshot();

        for (int cut = 0; cut <= inputs.size(); cut++) {
            BookState first = newState();
            apply(first, inputs.subList(0, cut), 0);
            BookState rebuilt = newState();
            rebuilt.restore(first.snapshot());
            for (int i = cut; i < inputs.size(); i++) {
                assertEquals(outputs.get(i), apply(rebuilt, List.of(inputs.get(i)), i), "input " + i + " after a"
                        + " rebuild at " + cut);
            }
            assertArrayEquals(end, rebuilt.snapshot(), "the state after a rebuild at " + cut);
        }
    }

    private List<Input> run() {
        List<Input> inputs = new ArrayList<>();
        List<UUID> ads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID ad = new UUID(1, i);
            ads.add(ad);
            inputs.add(listed(ad, "seller-" + (i % 3), "SELL", 720 + i, 10 * U));
        }
        for (int i = 0; i < 6; i++) {
            inputs.add(express(new UUID(2, i), "buyer-" + i, "BUY", 10 * U)); // exhausts the ads, cheapest first
        }
        inputs.add(restored(ads.get(0), 3 * U)); // forgotten: UNKNOWN_ID
        inputs.add(restored(ads.get(5), 3 * U)); // kept: back on the book
        inputs.add(amendedPrice(ads.get(4), 730)); // kept and exhausted: takes the price
        inputs.add(restored(ads.get(4), 2 * U));
        inputs.add(express(new UUID(2, 6), "buyer-0", "BUY", 4 * U));
        inputs.add(withdrawn(ads.get(5)));
        inputs.add(withdrawn(ads.get(1))); // forgotten: UNKNOWN_ID
        inputs.add(listed(ads.get(0), "seller-0", "SELL", 725, 7 * U)); // listed again by order-service
        inputs.add(express(new UUID(2, 7), "buyer-9", "BUY", 7 * U));
        return inputs;
    }

    private BookState newState() {
        return new BookState(json, (market, partition, offset) -> OptionalLong.of(1), 1000, KEPT);
    }

    /** Applies {@code inputs} at offsets from {@code offset} on; what they emitted. */
    private static List<NewEvent> apply(BookState state, List<Input> inputs, long offset) {
        List<NewEvent> out = new ArrayList<>();
        for (Input input : inputs) {
            PoisonInput poison = state.apply(0, offset++, input.eventId(), input.type(), input.value(), out);
            assertEquals(null, poison);
        }
        return out;
    }

    private Input listed(UUID ad, String owner, String side, long priceMinor, long quantity) {
        return input(EventTypes.AD_LISTED, new AdListed(ad, owner, MARKET, side, priceMinor, quantity, 0,
                1_000_000_00L, List.of(PaymentMethod.ALIPAY), 0));
    }

    private Input withdrawn(UUID ad) {
        return input(EventTypes.AD_WITHDRAWN, new AdWithdrawn(ad, MARKET));
    }

    private Input restored(UUID ad, long quantity) {
        return input(EventTypes.AD_QUANTITY_RESTORED, new AdQuantityRestored(ad, MARKET, UUID.randomUUID(), quantity));
    }

    private Input amendedPrice(UUID ad, long priceMinor) {
        return input(EventTypes.AD_AMENDED, new AdAmended(ad, MARKET, priceMinor, AdAmended.KEEP_QUANTITY, 15));
    }

    private Input express(UUID order, String owner, String side, long quantity) {
        return input(EventTypes.ORDER_PLACED, new OrderPlaced(order, owner, MARKET, side, "EXPRESS_QUANTITY",
                quantity, 0, "IOC", List.of(PaymentMethod.ALIPAY), 0, null, null));
    }

    private Input input(String type, Object payload) {
        try {
            return new Input(UUID.randomUUID().toString(), type, json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
