package com.c2c.matching.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.c2c.events.EventTypes;
import com.c2c.events.PaymentMethod;
import com.c2c.events.matching.OrderRejected;
import com.c2c.events.matching.TradeMatched;
import com.c2c.events.order.OrderPlaced;
import com.c2c.matching.engine.Limits;
import com.c2c.matching.engine.Side;
import com.c2c.platform.messaging.outbox.Outbox.NewEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A taker's price limit from {@code OrderPlaced} to the book's answer: a limit in fiat minor units becomes
 * ticks on the taker's safe side, an order without one (every record written before the field existed)
 * has none, and an express SELL meeting only a BUY ad far below its limit is rejected PRICE_LIMIT.
 */
class MarketBookPriceLimitTest {
    private static final long U = 1_000_000;
    private static final List<PaymentMethod> ALIPAY = List.of(PaymentMethod.ALIPAY);

    private final List<NewEvent> out = new ArrayList<>();
    private final MarketBook book = new MarketBook("USDT-CNY", 1, new OwnerDirectory());

    @Test
    void anExpressSellMeetingOnlyABuyAdFarBelowItsLimitIsRejected() {
        listBuyAd(UUID.randomUUID(), 1); // 0.01 CNY per USDT
        UUID order = UUID.randomUUID();
        input();
        book.placeExpress(order, "newcomer", Side.SELL, 10 * U, false, ALIPAY, 0, 684L);

        OrderRejected rejected = (OrderRejected) only().data();
        assertEquals(order, rejected.orderId());
        assertEquals("PRICE_LIMIT", rejected.reason());
    }

    @Test
    void withoutALimitTheOrderFillsAsBefore() {
        UUID ad = UUID.randomUUID();
        listBuyAd(ad, 1);
        input();
        book.placeExpress(UUID.randomUUID(), "newcomer", Side.SELL, 10 * U, false, ALIPAY, 0, null);

        TradeMatched trade = (TradeMatched) only().data();
        assertEquals(ad, trade.makerOrderId());
        assertEquals(1, trade.priceMinor());
    }

    @Test
    void aChosenAdBeyondTheLimitIsRejected() {
        UUID ad = UUID.randomUUID();
        listBuyAd(ad, 650);
        input();
        book.placeOnAd(UUID.randomUUID(), "newcomer", Side.SELL, ad, 10 * U, false, ALIPAY, 0, 684L);
        assertEquals("PRICE_LIMIT", ((OrderRejected) only().data()).reason());

        input();
        book.placeOnAd(UUID.randomUUID(), "newcomer", Side.SELL, ad, 10 * U, false, ALIPAY, 0, 650L);
        assertEquals(650, ((TradeMatched) only().data()).priceMinor());
    }

    @Test
    void aLimitOffTheTickIsRoundedToTheTakersSafeSide() {
        MarketBook coarse = new MarketBook("USDT-CNY", 5, new OwnerDirectory());
        assertEquals(144, coarse.limitTicks(Side.BUY, 723L)); // pays at most 7.23: at most 7.20
        assertEquals(145, coarse.limitTicks(Side.SELL, 723L)); // receives at least 7.23: at least 7.25
        assertEquals(144, coarse.limitTicks(Side.BUY, 720L));
        assertEquals(144, coarse.limitTicks(Side.SELL, 720L));
        assertEquals(Limits.noPriceLimit(Side.BUY), coarse.limitTicks(Side.BUY, null));
        assertEquals(Limits.noPriceLimit(Side.SELL), coarse.limitTicks(Side.SELL, null));
        assertEquals(Limits.MAX_PRICE_TICKS, coarse.limitTicks(Side.BUY, Long.MAX_VALUE)); // beyond every price
        assertEquals(0, coarse.limitTicks(Side.BUY, 4L)); // below one tick: refused by the book
        assertEquals(0, coarse.limitTicks(Side.SELL, -5L));
    }

    /** Records written before the field existed have no limit; new ones carry it. */
    @Test
    void orderPlacedWithoutTheFieldMeansNoLimit() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        String old = """
                {"orderId":"%s","ownerId":"bob","market":"USDT-CNY","side":"SELL","mode":"EXPRESS_QUANTITY",
                 "amount":1000000,"priceMinor":0,"timeInForce":"IOC","paymentMethods":["ALIPAY"],
                 "completedTrades":0,"adId":null}""".formatted(UUID.randomUUID());
        assertNull(json.readValue(old, OrderPlaced.class).priceLimitMinor());
        String limited = old.replace("\"adId\":null", "\"adId\":null,\"priceLimitMinor\":684");
        assertEquals(684L, json.readValue(limited, OrderPlaced.class).priceLimitMinor());
        OrderPlaced written = new OrderPlaced(UUID.randomUUID(), "bob", "USDT-CNY", "BUY", "EXPRESS_FIAT", 1, 0,
                "IOC", ALIPAY, 0, null, 756L);
        assertEquals(written, json.readValue(json.writeValueAsString(written), OrderPlaced.class));
    }

    private void listBuyAd(UUID adId, long priceMinor) {
        input();
        book.listAd(adId, "merchant", Side.BUY, priceMinor, 100 * U, 0, Limits.MAX_QUANTITY, ALIPAY, 0);
    }

    private void input() {
        out.clear();
        book.beginInput(UUID.randomUUID().toString(), EventTypes.ORDER_PLACED, out);
    }

    private NewEvent only() {
        assertEquals(1, out.size(), out.toString());
        return out.getFirst();
    }
}
