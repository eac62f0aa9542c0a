package com.c2c.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's OpenAPI document, held to the one way lists are paged: the lists are exactly the operations
 * named, each takes {@code cursor} and {@code limit} documented alike (1..100, 50 by default) and answers a
 * page ({@code items}, {@code nextCursor}, {@code hasMore}); no operation takes {@code page}, {@code size},
 * {@code offset} or {@code before}, the styles this replaced. Runs in a {@code @QuarkusTest}.
 */
public final class ListContract {
    private static final Set<String> OTHER_STYLES = Set.of("page", "size", "offset", "before");

    private ListContract() {
    }

    public static void check(Set<String> listOperationIds) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi").then()
                    .statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAPI document could not be read", e);
        }
        Set<String> lists = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode op = method.getValue();
            String id = op.path("operationId").asText(method.getKey() + " " + path.getKey());
            List<JsonNode> params = new ArrayList<>();
            path.getValue().path("parameters").forEach(params::add);
            op.path("parameters").forEach(params::add);
            JsonNode limit = null;
            boolean cursor = false;
            for (JsonNode p : params) {
                JsonNode param = resolve(doc, p);
                String name = param.path("name").asText();
                if (OTHER_STYLES.contains(name) && "query".equals(param.path("in").asText())) {
                    wrong.add(id + " takes ?" + name);
                }
                cursor |= "cursor".equals(name);
                limit = "limit".equals(name) ? resolve(doc, param.path("schema")) : limit;
            }
            if (!cursor) {
                return;
            }
            lists.add(id);
            if (limit == null || limit.path("minimum").asInt() != 1 || limit.path("maximum").asInt() != 100
                    || !"50".equals(limit.path("default").asText())) {
                wrong.add(id + " documents limit as " + limit);
            }
            JsonNode page = resolve(doc, op.path("responses").path("200").path("content").path("application/json")
                    .path("schema"));
            for (String field : List.of("items", "nextCursor", "hasMore")) {
                if (!page.path("properties").has(field)) {
                    wrong.add(id + "'s 200 is not a page: no " + field + " in " + page);
                }
            }
        }));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(new TreeSet<>(listOperationIds), lists, "the operations paged by cursor");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }
}
