package com.c2c.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    @Test
    void everyNamedTypeIsInTheCatalogOnceAndNothingElseIs() throws IllegalAccessException {
        Set<String> named = new java.util.HashSet<>();
        for (Field f : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                named.add((String) f.get(null));
            }
        }
        Set<String> catalogued = EventCatalog.all().stream().map(EventType::name).collect(Collectors.toSet());
        assertEquals(EventCatalog.all().size(), catalogued.size(), "a type is catalogued twice");
        assertEquals(named, catalogued);
    }

    @Test
    void everyTypeIsOnAKnownTopicAndReadIntoARecord() throws IllegalAccessException {
        Set<String> topics = new java.util.HashSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                topics.add((String) f.get(null));
            }
        }
        for (EventType<?> type : EventCatalog.all()) {
            assertTrue(topics.contains(type.topic()), type + " is on an unknown topic " + type.topic());
            assertTrue(type.formerTopic() == null || topics.contains(type.formerTopic()),
                    type + " moved from an unknown topic " + type.formerTopic());
            assertTrue(type.payload().isRecord(), type + " is read into " + type.payload() + ", not a record");
            // The domain in the name (c2c.<domain>.X) is the domain of the topic (c2c.<domain>.events|commands).
            assertEquals(type.name().split("\\.")[1], type.topic().split("\\.")[1], type.name());
        }
    }

    @Test
    void lookupByNameAndTopic() {
        assertEquals(EventCatalog.TRADE_MATCHED, EventCatalog.byName(EventTypes.TRADE_MATCHED).orElseThrow());
        assertTrue(EventCatalog.byName("c2c.matching.TradeMatched.v9").isEmpty());
        assertTrue(EventCatalog.byName(null).isEmpty());
        assertEquals(Set.of(EventTypes.MARKET_OPENED, EventTypes.TRADE_MATCHED, EventTypes.ORDER_REJECTED,
                EventTypes.BOOK_QUANTITY_CANCELLED), EventCatalog.onTopic(Topics.MATCHING_EVENTS).stream()
                .map(EventType::name).collect(Collectors.toSet()));
    }

    @Test
    void aTypeThatMovedIsStillReadWhereItWas() {
        assertEquals(Topics.TRADE_FUNDS, EventCatalog.FUNDS_LOCKED.topic());
        assertTrue(EventCatalog.onTopic(Topics.TRADE_FUNDS).contains(EventCatalog.FUNDS_LOCKED));
        assertTrue(!EventCatalog.onTopic(Topics.WALLET_EVENTS).contains(EventCatalog.FUNDS_LOCKED));
        assertTrue(EventCatalog.readOn(Topics.WALLET_EVENTS).contains(EventCatalog.FUNDS_LOCKED));
        assertTrue(!EventCatalog.readOn(Topics.ESCROW_EVENTS).contains(EventCatalog.FUNDS_LOCKED));
        assertEquals(EventCatalog.onTopic(Topics.ESCROW_EVENTS), EventCatalog.readOn(Topics.ESCROW_EVENTS));
    }
}
