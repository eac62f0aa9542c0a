package com.c2c.order.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.events.EventTypes;
import com.c2c.order.Publish;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A reservation release the wallet refuses means the two services disagree: it is counted for an alert. */
@QuarkusTest
class WalletRefusalTest {
    @Inject
    MeterRegistry meters;

    @Test
    void aRefusedReleaseIsCountedForOperators() {
        double before = refused();
        String ad = UUID.randomUUID().toString();
        String event = Publish.commandRejected(EventTypes.RELEASE_RESERVATION, "release-ad:" + ad + ":cancel", ad,
                "merchant-" + ad, "INSUFFICIENT_RESERVED", "reserved 0 is less than 10");
        Publish.awaitApplied("order.wallet-events", event);
        assertEquals(before + 1, refused());
    }

    private double refused() {
        Counter counter = meters.find(WalletEventsConsumer.RELEASE_REFUSED).tag("reason", "INSUFFICIENT_RESERVED")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
