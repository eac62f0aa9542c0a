package com.c2c.platform.web;

import com.c2c.events.Decimals;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * Every BigDecimal a service reads from JSON (request bodies, and its consumers' payloads, which share the
 * one ObjectMapper) is held to the bounds of {@link Decimals} as it is read, so a number such as
 * {@code 1e500000000} is a 400 naming its field before any code can scale it. JSON numbers are already
 * short (Jackson's StreamReadConstraints allow 1000 digits); a decimal sent as a JSON string is
 * length-checked before it is parsed, since parsing is quadratic in its digits.
 */
@Singleton
public class BoundedDecimals implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("c2c-bounded-decimals")
                .addDeserializer(BigDecimal.class, new Deserializer()));
    }

    static final class Deserializer extends StdScalarDeserializer<BigDecimal> {
        private static final NumberDeserializers.BigDecimalDeserializer JACKSON =
                NumberDeserializers.BigDecimalDeserializer.instance;

        Deserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                BigDecimal value = p.getDecimalValue();
                return bounded(p, () -> Decimals.check(value));
            }
            if (p.hasToken(JsonToken.VALUE_STRING) && !p.getText().isBlank()) {
                String text = p.getText();
                return bounded(p, () -> Decimals.parse(text));
            }
            // null, "", arrays, objects, booleans: Jackson's own coercions and errors
            return JACKSON.deserialize(p, ctxt);
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return JACKSON.getEmptyValue(ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }

        private static BigDecimal bounded(JsonParser p, Supplier<BigDecimal> parse) throws RefusedValue {
            try {
                return parse.get();
            } catch (IllegalArgumentException e) {
                throw new RefusedValue(p, BigDecimal.class, e.getMessage());
            }
        }
    }
}
