package com.c2c.platform.messaging.consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventCatalog;
import com.c2c.events.EventType;
import com.c2c.events.Topics;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

/** The start-up checks of a subscription, for a type that moved to another topic (ADR 0019) in particular. */
class SubscriptionTest {

    private static <T> Uni<Void> apply(T ignored) {
        return Uni.createFrom().voidItem();
    }

    /** Every type read on wallet events ignored, but those given. */
    private static Subscription.Builder walletEventsIgnoringAllBut(EventType<?>... kept) {
        Subscription.Builder builder = Subscription.of("test.wallet-events", "wallet-events", Topics.WALLET_EVENTS);
        for (EventType<?> type : EventCatalog.readOn(Topics.WALLET_EVENTS)) {
            if (!java.util.List.of(kept).contains(type)) {
                builder.ignoring(type);
            }
        }
        return builder;
    }

    @Test
    void aMovedTypeIsStillBoundOnItsFormerTopic() {
        Subscription s = walletEventsIgnoringAllBut(EventCatalog.FUNDS_LOCKED)
                .on(EventCatalog.FUNDS_LOCKED, SubscriptionTest::apply).build();
        assertTrue(s.handler(EventCatalog.FUNDS_LOCKED.name()) != null);
    }

    @Test
    void aMovedTypeLeftUnboundOnItsFormerTopicFailsTheStart() {
        // Records of it from before the move are still there: neither applied nor ignored, they would be poison.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> walletEventsIgnoringAllBut(EventCatalog.FUNDS_LOCKED, EventCatalog.FUNDS_CREDITED)
                        .on(EventCatalog.FUNDS_CREDITED, SubscriptionTest::apply).build());
        assertTrue(e.getMessage().contains(EventCatalog.FUNDS_LOCKED.name()), e.getMessage());
    }

    @Test
    void aTypeIsBoundOnItsNewTopicAndRefusedOnAnyOther() {
        Subscription.of("test.trade-funds", "trade-funds", Topics.TRADE_FUNDS)
                .on(EventCatalog.FUNDS_LOCKED, SubscriptionTest::apply)
                .on(EventCatalog.FUNDS_RELEASED, SubscriptionTest::apply)
                .on(EventCatalog.FUNDS_REFUNDED, SubscriptionTest::apply)
                .on(EventCatalog.TRADE_LOCK_REFUSED, SubscriptionTest::apply).build();
        assertThrows(IllegalStateException.class, () -> Subscription.of("test.escrow-events", "escrow-events",
                Topics.ESCROW_EVENTS).on(EventCatalog.FUNDS_LOCKED, SubscriptionTest::apply));
        assertThrows(IllegalStateException.class, () -> Subscription.of("test.trade-funds", "trade-funds",
                Topics.TRADE_FUNDS).on(EventCatalog.WALLET_COMMAND_REJECTED, SubscriptionTest::apply));
    }
}
