package com.c2c.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * RestAssured requests carrying a real bearer token from the development realm: the one place the
 * services' tests say who calls.
 */
public final class As {
    private As() {
    }

    /** A request by the person with this owner id and these realm roles (none: a plain trader). */
    public static RequestSpecification user(String ownerId, String... roles) {
        return given().header("Authorization", Keycloak.person(ownerId, roles).bearer());
    }

    /** A request by an administrator. */
    public static RequestSpecification admin() {
        return user("admin-1", "admin");
    }

    /** A request by an arbiter who is party to nothing. */
    public static RequestSpecification arbiter() {
        return user("arbiter-1", "arbiter");
    }

    /** A request by the maker client acting for {@code ownerId} (client credentials, role merchant). */
    public static RequestSpecification maker(String ownerId) {
        return given().header("Authorization", Keycloak.makerClient(ownerId).bearer());
    }
}
