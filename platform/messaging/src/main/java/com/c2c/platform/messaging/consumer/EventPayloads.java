package com.c2c.platform.messaging.consumer;

import com.c2c.events.EventType;
import com.c2c.events.Nullable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;

/** Reads an event's JSON data into its record, refusing for good what can never be read. */
final class EventPayloads {
    private EventPayloads() {
    }

    /**
     * The data of {@code type} read from {@code json}; a {@link PoisonEvent} when it is not JSON of that
     * record (bad syntax, an unknown enum value such as a payment method a newer producer knows, a wrong
     * type) or when a field the record requires is missing or null (fields marked {@link Nullable} may be).
     */
    static <T> T read(ObjectMapper json, EventType<T> type, String data) {
        if (data == null || data.isBlank()) {
            throw PoisonEvent.unreadable(type + " has no data", null);
        }
        T payload;
        try {
            payload = json.readValue(data, type.payload());
        } catch (JsonProcessingException e) {
            throw PoisonEvent.unreadable("data of " + type + " cannot be read: " + e.getOriginalMessage(), e);
        }
        if (payload == null) {
            throw PoisonEvent.unreadable(type + " has null data", null);
        }
        if (type.payload().isRecord()) {
            for (RecordComponent c : type.payload().getRecordComponents()) {
                if (c.getType().isPrimitive() || c.isAnnotationPresent(Nullable.class)) {
                    continue;
                }
                Object value;
                try {
                    value = c.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + type, e);
                }
                if (value == null) {
                    throw PoisonEvent.invalid(type + " is missing its required field " + c.getName());
                }
            }
        }
        return payload;
    }
}
