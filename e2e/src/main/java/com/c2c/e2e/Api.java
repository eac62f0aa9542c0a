package com.c2c.e2e;

import com.c2c.testkit.Keycloak;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Plain HTTP calls to the running platform, as a frontend makes them: each with a real access token of
 * the development realm for the person it acts as (created through Keycloak's admin API on first use).
 */
public final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The gateway closes a connection idle for 10 s; the client must drop it first, or it sends on a
        // closed connection ("header parser received no bytes"). Read when the first client is built.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        }
    }
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** More pages than any list a test reads: one that does not end is a failure, not a hang. */
    private static final int MAX_PAGES = 1_000;

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    /** What a call answered: the status and the JSON body (MissingNode when there is none). */
    public record Answer(int status, JsonNode body) {
        public String text(String field) {
            return body.path(field).asText();
        }

        public Answer expect(int expected, String what) {
            if (status != expected) {
                throw new AssertionError(what + ": expected HTTP " + expected + " but got " + status + " " + body);
            }
            return this;
        }
    }

    /**
     * Who calls: a platform owner id and, optionally, comma-separated realm roles (none: a trader); or the
     * maker client (client credentials, role merchant) acting for that owner; or, {@code stepUp}, that person
     * signed in just now with password and OTP (a recent second factor: confirming and approving withdrawals).
     */
    public record As(String user, String roles, boolean makerClient, boolean stepUp) {
        public static As user(String id) {
            return new As(id, null, false, false);
        }

        public static As withRoles(String id, String roles) {
            return new As(id, roles, false, false);
        }

        public static As maker(String ownerId) {
            return new As(ownerId, "merchant", true, false);
        }

        public static As admin() {
            return new As("admin1", "admin", false, false);
        }

        public static As arbiter() {
            return new As("arbiter1", "arbiter", false, false);
        }

        /**
         * The owner with these roles (null: a trader) and an OTP credential, each call with a fresh step-up token
         * (amr pwd+otp, issued now) from Keycloak's step-up client.
         */
        public static As withSecondFactor(String id, String roles) {
            return new As(id, roles, false, true);
        }

        String bearer() {
            String[] roleList = roles == null ? new String[0] : roles.split(",");
            if (stepUp) {
                return Keycloak.personWithOtp(user, roleList).stepUpBearer();
            }
            return makerClient ? Keycloak.makerClient(user).bearer() : Keycloak.person(user, roleList).bearer();
        }
    }

    /** Any method, with an optional JSON body (a fresh Idempotency-Key on writes). */
    public Answer call(String method, String path, As as, Object body) {
        HttpRequest.Builder request = request(path, as);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        if (path.contains("/stream")) {
            // an event stream is answered by its status and cut: on a connection of its own, never pooled
            HttpClient once = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return once.sendAsync(request.build(), Api::bodyUnlessStream)
                    .thenApply(r -> new Answer(r.statusCode(), parse(r.body()))).join();
        }
        return join(send(request));
    }

    public Answer get(String path, As as) {
        return join(send(request(path, as).GET()));
    }

    /**
     * Every item of a cursor-paged list ({items, nextCursor, hasMore}), page after page of the most a page may
     * hold, as a client reads a whole list.
     */
    public List<JsonNode> all(String path, As as) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String url = path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = get(url, as).expect(200, "listing " + path + " page " + page).body();
            body.path("items").forEach(items::add);
            if (!body.path("hasMore").asBoolean()) {
                return items;
            }
            cursor = body.path("nextCursor").asText();
        }
        throw new AssertionError(path + " did not end within " + MAX_PAGES + " pages");
    }

    public Answer post(String path, As as, Object body, String idempotencyKey) {
        return join(postAsync(path, as, body, idempotencyKey));
    }

    public Answer put(String path, As as, Object body) {
        return join(send(request(path, as).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body)))));
    }

    public Answer patch(String path, As as, Object body) {
        return join(send(request(path, as).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body)))));
    }

    public CompletableFuture<Answer> postAsync(String path, As as, Object body, String idempotencyKey) {
        HttpRequest.Builder request = request(path, as).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : write(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, As as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (as != null) {
            b.header("Authorization", as.bearer());
        }
        return b;
    }

    private static CompletableFuture<Answer> send(HttpRequest.Builder request) {
        return CLIENT.sendAsync(request.build(), Api::bodyUnlessStream)
                .thenApply(r -> new Answer(r.statusCode(), parse(r.body())));
    }

    /**
     * The body as text, except for an open event stream (text/event-stream, ADR 0008), which never ends
     * on its own: its status is the answer, and the connection is closed at once.
     */
    private static HttpResponse.BodySubscriber<String> bodyUnlessStream(HttpResponse.ResponseInfo info) {
        boolean stream = info.statusCode() == 200 && info.headers().firstValue("Content-Type")
                .filter(type -> type.startsWith("text/event-stream")).isPresent();
        if (!stream) {
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        }
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofPublisher(), publisher -> {
            publisher.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.cancel();
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                }

                @Override
                public void onError(Throwable failure) {
                }

                @Override
                public void onComplete() {
                }
            });
            return "";
        });
    }

    private static Answer join(CompletableFuture<Answer> answer) {
        return answer.join();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
