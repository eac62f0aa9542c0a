package com.c2c.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every list reads ?page and ?size the same way: defaults, bounds, and a 400 naming the parameter. */
class PageRequestTest {

    @Test
    void absentParametersAskForTheFirstPageOfTheEndpointsDefaultSize() {
        assertEquals(new PageRequest(0, 20), PageRequest.of(null, null, 20, 100));
        assertEquals(new PageRequest(0, 50), PageRequest.of("", " ", 50, 200));
        assertEquals(new PageRequest(3, 7), PageRequest.of("3", " 7 ", 20, 100));
        assertEquals(10_000 * 100, PageRequest.of("10000", "100", 20, 100).offset());
    }

    @Test
    void pagesBeyondTheBoundAreRefusedBeforeAnOffsetCanOverflow() {
        refused("page", "must be between 0 and 10000", "2147483647", "20");
        refused("page", "must be between 0 and 10000", "10001", "20");
        refused("page", "must be between 0 and 10000", "-1", "20");
        refused("page", "must be between 0 and 10000", "9".repeat(10_000), "20");
        refused("page", "must be a whole number between 0 and 10000", "1e500000000", "20");
        refused("page", "must be a whole number between 0 and 10000", "NaN", "20");
    }

    @Test
    void sizesOutsideTheEndpointsRangeAreRefused() {
        refused("size", "must be between 1 and 100", "0", "0");
        refused("size", "must be between 1 and 100", "0", "101");
        refused("size", "must be between 1 and 100", "0", "2147483648");
        refused("size", "must be a whole number between 1 and 100", "0", "1.5");
    }

    private static void refused(String field, String message, String page, String size) {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(page, size, 20, 100));
        Problem problem = e.toProblem("/list");
        assertEquals(400, problem.status());
        assertEquals(field, problem.errors().get(0).field());
        assertEquals(message, problem.errors().get(0).message());
    }
}
