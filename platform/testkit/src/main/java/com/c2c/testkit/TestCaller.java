package com.c2c.testkit;

import io.restassured.specification.RequestSpecification;
import java.util.function.UnaryOperator;

/**
 * Who a test calls a service as, for tests that take the caller as a function (the hostile-input
 * sweep): a real bearer token of a person in the development realm (see {@link Keycloak}).
 */
public final class TestCaller {
    private TestCaller() {
    }

    /** A trader. */
    public static UnaryOperator<RequestSpecification> user(String id) {
        return request -> request.header("Authorization", Keycloak.person(id).bearer());
    }

    /** A person holding {@code roles} (admin, arbiter, merchant). */
    public static UnaryOperator<RequestSpecification> withRoles(String id, String... roles) {
        return request -> request.header("Authorization", Keycloak.person(id, roles).bearer());
    }
}
