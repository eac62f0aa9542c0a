package com.c2c.testkit;

import static io.restassured.RestAssured.given;

import com.c2c.testkit.ApiOperations.Operation;
import com.c2c.testkit.ApiOperations.Param;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Sends every operation of the service under test (as its own OpenAPI document lists them) malformed and
 * extreme values, one at a time on an otherwise documented request: each path, query and header parameter
 * in turn, each field of a JSON body in turn, and bodies that are no JSON at all. Every answer must come
 * within {@link #ANSWER_WITHIN} and none may be a 5xx: a refusal is the service's job, a crash or a
 * request that keeps a thread busy for minutes is a bug. The slowest answer is printed, so a path that
 * got slower shows before it gets slow.
 *
 * <p>Who calls is the test's choice ({@code caller} adds the credentials to each request, see
 * {@link TestCaller}); the sweep knows nothing about authentication. It runs in a {@code @QuarkusTest}
 * against RestAssured's default base URI and port.
 */
public final class HostileInputSweep {
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private static final String HUGE = "99999999999999999999999999999999999999";
    private static final String LONG_TEXT = "x".repeat(10_000);
    /** Values for path segments; they are URL-encoded, so {@code ../} arrives as {@code ..%2F}. */
    static final List<String> PATH_VALUES = List.of("junk", LONG_TEXT, "../../q/openapi", "ünïcødé-🙂-ä",
            HUGE, "1e500000000", "-1");
    static final List<String> QUERY_VALUES = List.of("1e500000000", "-1e500000000", "1e-500000000", HUGE,
            "2147483647", "-1", "NaN", "", "9".repeat(3_000), LONG_TEXT);
    /** Header values stay ASCII: that is all HTTP carries. */
    static final List<String> HEADER_VALUES = List.of("junk", HUGE, "-1", "x".repeat(2_000), LONG_TEXT);
    /** JSON values (written into the body as they are) for each field of a documented body. */
    static final List<String> FIELD_VALUES = List.of("1e500000000", "-1e500000000", "1e-500000000", HUGE,
            "\"1e500000000\"", "9".repeat(1_000), '"' + LONG_TEXT + '"', "[1e500000000, {}]", "null",
            "{\"nested\": {\"deeper\": [1e500000000, \"" + LONG_TEXT + "\"]}}");
    static final List<String> BROKEN_BODIES = List.of("{\"", "{\"a\": }", "[1e500000000]", "null",
            "[".repeat(5_000) + "]".repeat(5_000));

    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", (int) ANSWER_WITHIN.toMillis())
                    .setParam("http.socket.timeout", (int) ANSWER_WITHIN.toMillis()));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_FAILURES = 25;

    private final String who;
    private final UnaryOperator<RequestSpecification> caller;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;
    private long slowestMs = -1;
    private String slowest = "";

    private HostileInputSweep(String who, UnaryOperator<RequestSpecification> caller) {
        this.who = who;
        this.caller = caller;
    }

    /**
     * Sweeps every operation of the service under test as {@code caller} makes a request ({@code who} names
     * it in the output); fails listing each 5xx and each answer later than {@link #ANSWER_WITHIN}, and stops
     * at the first answer that does not come at all (the service may be stuck).
     */
    public static void sweep(String who, UnaryOperator<RequestSpecification> caller) {
        new HostileInputSweep(who, caller).run();
    }

    private void run() {
        long started = System.nanoTime();
        String doc = given().config(TIMEOUTS).accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        List<Operation> operations = ApiOperations.of(doc);
        if (operations.isEmpty()) {
            throw new AssertionError("the OpenAPI document lists no operations");
        }
        operations.forEach(this::sweep);
        System.out.printf("hostile-input sweep as %s: %d operations, %d requests in %d ms (answers by status: %s);"
                + " slowest answer %d ms: %s%n", who, operations.size(), requests,
                (System.nanoTime() - started) / 1_000_000, statuses, slowestMs, slowest);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " hostile requests as " + who + " were not refused cleanly:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(SHOWN_FAILURES, failures.size()))));
        }
    }

    private void sweep(Operation op) {
        ObjectNode body = documentedBody(op);
        for (Param param : op.params()) {
            List<String> values = switch (param.in()) {
                case "path" -> PATH_VALUES;
                case "query" -> QUERY_VALUES;
                case "header" -> HEADER_VALUES;
                default -> List.of();
            };
            for (String value : values) {
                send(op, Map.of(param, value), text(body), param.in() + " " + param.name() + "=" + value);
            }
        }
        if (body == null) {
            return;
        }
        for (String field : fieldNames(body)) {
            for (String value : FIELD_VALUES) {
                ObjectNode hostile = body.deepCopy();
                hostile.putRawValue(field, new RawValue(value));
                send(op, Map.of(), text(hostile), "body " + field + "=" + value);
            }
        }
        for (String broken : BROKEN_BODIES) {
            send(op, Map.of(), broken, "body " + broken);
        }
    }

    /**
     * The operation's documented body, without the optional fields the service refuses in it (examples of
     * alternatives, such as a FIXED ad's price next to a FLOATING ad's margin), so that each hostile field
     * is read on a request that is otherwise accepted, as far as the sweep can make it so.
     */
    private ObjectNode documentedBody(Operation op) {
        if (op.body() == null) {
            return null;
        }
        ObjectNode body = op.body().deepCopy();
        for (int attempt = 0; attempt < 3; attempt++) {
            Response answer = send(op, Map.of(), text(body), "the documented body");
            if (answer == null || answer.statusCode() != 400 || !answer.contentType().contains("json")) {
                break;
            }
            JsonNode errors = json(answer.asString()).path("errors");
            String refused = errors.size() == 1 ? errors.get(0).path("field").asText() : "";
            if (!body.has(refused)) {
                break;
            }
            System.out.printf("hostile-input sweep as %s: %s leaves %s out of its documented body (%s)%n", who,
                    op.label(), refused, errors.get(0).path("message").asText());
            body.remove(refused);
        }
        return body;
    }

    /** Sends the operation's documented request with {@code hostile} parameter values; checks the answer. */
    private Response send(Operation op, Map<Param, String> hostile, String body, String what) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        RequestSpecification request = caller.apply(given().config(TIMEOUTS).urlEncodingEnabled(false));
        for (Param param : op.params()) {
            String value = hostile.containsKey(param) ? hostile.get(param)
                    : param.example() == null ? null : param.example().asText();
            switch (param.in()) {
                case "path" -> path = path.replace("{" + param.name() + "}", encode(value == null ? "x" : value));
                case "query" -> {
                    if (value != null) {
                        query.append(query.isEmpty() ? "?" : "&").append(param.name()).append('=').append(encode(value));
                    }
                }
                case "header" -> request.header(param.name(), value == null ? UUID.randomUUID().toString() : value);
                default -> {
                }
            }
        }
        if (body != null) {
            request.body(body);
        }
        if (!"get".equals(op.method())) {
            // as clients send it on every call that changes something, body or not
            request.contentType("application/json");
        }
        String label = op.label() + " " + shorten(what);
        requests++;
        long started = System.nanoTime();
        Response answer;
        try {
            answer = request.request(Method.valueOf(op.method().toUpperCase()), path + query);
        } catch (Exception e) { // RestAssured rethrows the client's IOException (a read timeout) unchecked
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms >= ANSWER_WITHIN.toMillis()) {
                failures.add(label + ": no answer within " + ANSWER_WITHIN.toSeconds() + " s");
                throw new AssertionError("hostile request as " + who + " got no answer within "
                        + ANSWER_WITHIN.toSeconds() + " s, the sweep stops here:\n  " + String.join("\n  ", failures), e);
            }
            failures.add(label + ": no answer (" + e + ")");
            return null;
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        statuses.merge(answer.statusCode(), 1, Integer::sum);
        if (ms > slowestMs) {
            slowestMs = ms;
            slowest = label;
        }
        if (answer.statusCode() >= 500) {
            failures.add(label + ": " + answer.statusCode() + " " + shorten(answer.asString()));
        } else if (ms > ANSWER_WITHIN.toMillis()) {
            failures.add(label + ": answered after " + ms + " ms");
        }
        return answer;
    }

    private static List<String> fieldNames(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String text(ObjectNode body) {
        try {
            return body == null ? null : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value as the output shows it: long ones by their start and length. */
    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
    }
}
