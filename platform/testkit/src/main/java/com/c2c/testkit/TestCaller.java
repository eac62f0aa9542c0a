package com.c2c.testkit;

import io.restassured.specification.RequestSpecification;
import java.util.function.UnaryOperator;

/**
 * Who a test calls a service as, the one place that says how a request names its caller. Today that is
 * the gateway's {@code X-User-Id} and {@code X-User-Roles} headers (see platform/web Caller); when they
 * give way to bearer tokens, this class changes and the tests that take a caller from it do not.
 */
public final class TestCaller {
    private TestCaller() {
    }

    /** A user without roles. */
    public static UnaryOperator<RequestSpecification> user(String id) {
        return request -> request.header("X-User-Id", id);
    }

    /** A user holding {@code roles} (admin, arbiter). */
    public static UnaryOperator<RequestSpecification> withRoles(String id, String... roles) {
        return request -> request.header("X-User-Id", id).header("X-User-Roles", String.join(",", roles));
    }
}
