package com.c2c.testkit;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Reads a cursor-paged list as a client does: page after page, sending each page's nextCursor back, until a
 * page says hasMore is false. Every page is held to the contract all lists share (at most limit items; hasMore
 * only on a full page; a nextCursor on every page with items, none on an empty one). Between pages the test
 * makes happen whatever should not disturb the walk, such as new rows.
 */
public final class ListWalk {
    /** More pages than any test list has: a walk that does not end is a failure, not a hang. */
    private static final int MAX_PAGES = 200;

    private ListWalk() {
    }

    /**
     * The items of every page of {@code path} for {@code caller} (a fresh request each page), {@code limit} a
     * page, in the order given; {@code betweenPages} runs after each page but the last, with its index.
     */
    public static List<Map<String, Object>> walk(Supplier<RequestSpecification> caller, String path, int limit,
            IntConsumer betweenPages) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            RequestSpecification request = caller.get().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.when().get(path).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            boolean hasMore = body.getBoolean("hasMore");
            String where = path + " page " + page;
            assertTrue(items.size() <= limit, where + " holds at most " + limit);
            assertTrue(!hasMore || items.size() == limit, where + ": only a full page is followed by more");
            if (items.isEmpty()) {
                assertNull(body.getString("nextCursor"), where + ": an empty page gives no cursor");
            } else {
                assertNotNull(body.getString("nextCursor"), where + ": a page with items gives its cursor");
            }
            seen.addAll(items);
            if (!hasMore) {
                return seen;
            }
            cursor = body.getString("nextCursor");
            betweenPages.accept(page);
        }
        throw new AssertionError(path + " did not end within " + MAX_PAGES + " pages");
    }

    /** Each item's {@code field}, as text, in order. */
    public static List<String> field(List<Map<String, Object>> items, String field) {
        return items.stream().map(item -> String.valueOf(item.get(field))).toList();
    }

    /**
     * {@code path} refuses, with a 400 naming the parameter, a limit of 0, 101 or no number and a cursor it did
     * not give out (junk, or a well-formed one of another version).
     */
    public static void refusesBadPaging(Supplier<RequestSpecification> caller, String path) {
        for (String limit : List.of("0", "101", "ten", "1e2", "99999999999999999999")) {
            refused(caller.get().queryParam("limit", limit), path, "limit");
        }
        String otherVersion = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("9:1735732800:0:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("nope", otherVersion, "x".repeat(500))) {
            refused(caller.get().queryParam("cursor", cursor), path, "cursor");
        }
    }

    private static void refused(RequestSpecification request, String path, String field) {
        request.when().get(path).then().statusCode(400).body("errors.field", contains(field));
    }
}
