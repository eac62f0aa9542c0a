package com.c2c.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Jackson reads a BigDecimal only within the bounds; a number out of them names its field (JSON path). */
@Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class BoundedDecimalsTest {
    record Body(BigDecimal quantity, List<BigDecimal> prices) {
    }

    private final ObjectMapper mapper = mapper();

    @Test
    void numbersAndDecimalStringsWithinTheBoundsAreReadAsBefore() throws Exception {
        assertEquals(new BigDecimal("1000.5"), mapper.readValue("{\"quantity\": 1000.5}", Body.class).quantity());
        assertEquals(new BigDecimal("1000.5"), mapper.readValue("{\"quantity\": \"1000.5\"}", Body.class).quantity());
        assertNull(mapper.readValue("{\"quantity\": null}", Body.class).quantity());
        assertNull(mapper.readValue("{\"quantity\": \"\"}", Body.class).quantity());
    }

    @Test
    void outOfBoundNumbersAreRefusedNamingTheField() {
        refused("{\"quantity\": 1e500000000}", "quantity", "is too large");
        refused("{\"quantity\": \"1e500000000\"}", "quantity", "is too large");
        refused("{\"quantity\": 1e-500000000}", "quantity", "must have at most 18 decimal places");
        refused("{\"quantity\": " + "9".repeat(1000) + "}", "quantity", "must have at most 30 significant digits");
        refused("{\"quantity\": \"" + "9".repeat(5_000_000) + "\"}", "quantity",
                "is too long for a number (at most 64 characters)");
        refused("{\"prices\": [1, -1e500000000]}", "prices[1]", "is too large");
    }

    @Test
    void valuesOfTheWrongTypeKeepJacksonsOwnAnswer() {
        assertEquals("must be a number", UnreadableBody.of(assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"quantity\": {}}", Body.class))).message());
    }

    private void refused(String json, String field, String message) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> mapper.readValue(json, Body.class));
        assertEquals(new UnreadableBody(field, message), UnreadableBody.of(e));
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new BoundedDecimals().customize(mapper);
        return mapper;
    }
}
