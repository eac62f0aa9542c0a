package com.c2c.order.maker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every maker operation is documented: an operationId, a summary, and its 4xx answers as problems. */
@QuarkusTest
class MakerOpenApiTest {

    @Test
    void everyMakerOperationNamesItselfAndItsProblems() {
        JsonPath api = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        List<String> ids = paths.entrySet().stream().filter(p -> p.getKey().startsWith("/api/v1/maker"))
                .flatMap(p -> p.getValue().values().stream()).map(op -> (String) op.get("operationId")).sorted()
                .toList();
        assertEquals(List.of("cancelAllMakerAds", "cancelMakerAds", "deleteHeartbeatPolicy", "getHeartbeatPolicy",
                "listMakerAds", "listMakerFills", "listMakerTrades", "resumeMakerAds", "sendHeartbeat",
                "setHeartbeatPolicy", "streamMakerEvents", "upsertMakerAds"), ids);
        paths.entrySet().stream().filter(p -> p.getKey().startsWith("/api/v1/maker")).forEach(p -> p.getValue()
                .forEach((method, op) -> {
                    String where = method + " " + p.getKey();
                    assertTrue(op.get("summary") != null, where);
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                    for (String status : List.of("401", "403", "429")) {
                        assertTrue(responses.containsKey(status), where + " documents " + status);
                        assertTrue(String.valueOf(responses.get(status).get("content"))
                                .contains("application/problem+json"), where + " " + status + " is a problem");
                    }
                }));
        String upsert = api.getString("paths.'/api/v1/maker/ads'.put.toString()");
        assertTrue(upsert.contains("cny-sell-1"), "request and response examples");
    }
}
