package com.c2c.events.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.Nullable;
import com.c2c.events.PaymentMethod;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The price limit was added to OrderPlaced compatibly: records written before it lack the field. */
class OrderPlacedTest {

    @Test
    void thePriceLimitIsOptionalSoOlderRecordsStayReadable() {
        RecordComponent[] components = OrderPlaced.class.getRecordComponents();
        RecordComponent limit = components[components.length - 1];
        assertEquals("priceLimitMinor", limit.getName());
        assertEquals(Long.class, limit.getType());
        assertTrue(limit.isAnnotationPresent(Nullable.class), "a consumer must not refuse a record without it");
    }

    @Test
    void theOlderConstructorMeansNoLimit() {
        OrderPlaced order = new OrderPlaced(UUID.randomUUID(), "bob", "USDT-CNY", "BUY", "LIMIT", 1, 720, "GTC",
                List.of(PaymentMethod.ALIPAY), 0, null);
        assertNull(order.priceLimitMinor());
    }
}
