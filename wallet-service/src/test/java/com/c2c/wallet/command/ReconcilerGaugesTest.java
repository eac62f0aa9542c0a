package com.c2c.wallet.command;

import static com.c2c.wallet.command.Commands.answer;
import static com.c2c.wallet.command.Commands.assertBalances;
import static com.c2c.wallet.command.Commands.fund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.reconcile.Hold;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import com.c2c.wallet.command.Commands.Command;
import com.c2c.wallet.reconcile.Drift;
import com.c2c.wallet.reconcile.PeriodicReconciler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The periodic reconciler against the real ledger: an owner whose balances equal what order-service and
 * escrow report does not drift, one the reports disagree with does, by exactly the difference, and the
 * gauges say what the comparison found.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-commands"))
class ReconcilerGaugesTest {
    @ConfigProperty(name = "c2c.in.wallet-commands")
    String commands;
    @Inject
    PeriodicReconciler reconciler;
    @Inject
    MeterRegistry meters;

    @Test
    void theLedgerAgainstTheReportsSetsTheDriftGauges() {
        String agrees = "recon-agrees-" + UUID.randomUUID();
        String drifts = "recon-drifts-" + UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.WALLET_EVENTS, Topics.TRADE_FUNDS)) {
            fund(agrees, "100");
            fund(drifts, "100");
            UUID order = UUID.randomUUID();
            send(events, Commands.reserve("reserve-order:" + order, order, agrees, 30_000_000));
            answer(out, order, EventTypes.FUNDS_RESERVED);
            UUID trade = UUID.randomUUID();
            send(events, Commands.lock(trade, agrees, "recon-buyer-" + UUID.randomUUID(), 10_000_000));
            answer(out, trade, EventTypes.FUNDS_LOCKED);
            UUID other = UUID.randomUUID();
            send(events, Commands.reserve("reserve-order:" + other, other, drifts, 5_000_000));
            answer(out, other, EventTypes.FUNDS_RESERVED);
            assertBalances(agrees, 70_000_000, 20_000_000, 10_000_000);
        }

        long before = Instant.now().getEpochSecond();
        Drift drift = reconciler.compareWith(
                List.of(new Hold(agrees, 15_000_000, 0), new Hold(drifts, 4_000_000, 0)),
                List.of(new Hold(agrees, 5_000_000, 10_000_000), new Hold(drifts, 0, 2)))
                .await().atMost(Duration.ofSeconds(30));

        assertTrue(drift.owners().stream().noneMatch(d -> d.ownerId().equals(agrees)), drift.owners().toString());
        Drift.OwnerDrift mine = drift.owners().stream().filter(d -> d.ownerId().equals(drifts)).findFirst().orElseThrow();
        assertEquals(1_000_000, mine.reserved(), "the ledger holds 1 USDT more reserved than order-service expects");
        assertEquals(-2, mine.locked(), "escrow expects 2 micro-units locked that the ledger does not hold");

        assertEquals(drift.ownersReserved(), gauge("c2c.reconcile.drift.owners", "reserved"));
        assertEquals(drift.ownersLocked(), gauge("c2c.reconcile.drift.owners", "locked"));
        assertEquals(drift.microsReserved(), gauge("c2c.reconcile.drift.micros", "reserved"));
        assertEquals(drift.microsLocked(), gauge("c2c.reconcile.drift.micros", "locked"));
        assertTrue(drift.ownersLocked() >= 1 && drift.microsReserved() >= 1_000_000);
        assertTrue(meters.get("c2c.reconcile.last.success").gauge().value() >= before);

        // The same reports again, nothing moved in between: the drifting owner's drift is persistent, and the
        // persistent gauges count it.
        reconciler.compareWith(
                List.of(new Hold(agrees, 15_000_000, 0), new Hold(drifts, 4_000_000, 0)),
                List.of(new Hold(agrees, 5_000_000, 10_000_000), new Hold(drifts, 0, 2)))
                .await().atMost(Duration.ofSeconds(30));
        Drift persistent = reconciler.persistent();
        assertEquals(List.of(mine), persistent.owners().stream().filter(d -> d.ownerId().equals(drifts)).toList());
        assertTrue(persistent.owners().stream().noneMatch(d -> d.ownerId().equals(agrees)));
        assertEquals(persistent.ownersReserved(), gauge("c2c.reconcile.drift.persistent.owners", "reserved"));
        assertEquals(persistent.ownersLocked(), gauge("c2c.reconcile.drift.persistent.owners", "locked"));
        assertEquals(persistent.microsReserved(), gauge("c2c.reconcile.drift.persistent.micros", "reserved"));
        assertEquals(persistent.microsLocked(), gauge("c2c.reconcile.drift.persistent.micros", "locked"));

        // escrow's side moved (a trade in flight, say): the owner still drifts, but not persistently.
        reconciler.compareWith(
                List.of(new Hold(agrees, 15_000_000, 0), new Hold(drifts, 4_000_000, 0)),
                List.of(new Hold(agrees, 5_000_000, 10_000_000), new Hold(drifts, 0, 3)))
                .await().atMost(Duration.ofSeconds(30));
        assertTrue(reconciler.persistent().owners().stream().noneMatch(d -> d.ownerId().equals(drifts)));
    }

    @Test
    void aRunReadsTheReportsOverHttpWithTheServiceToken() throws Exception {
        String owner = "recon-http-" + UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.WALLET_EVENTS, Topics.TRADE_FUNDS)) {
            fund(owner, "10");
            UUID order = UUID.randomUUID();
            send(events, Commands.reserve("reserve-order:" + order, order, owner, 3_000_000));
            answer(out, order, EventTypes.FUNDS_RESERVED);
        }
        // Stand-ins for Keycloak's token endpoint and the two services' reports: the reports answer only
        // the token the token endpoint gave; order-service expects 2 of the owner's 3 USDT reserved.
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            seen.add(exchange.getRequestMethod() + " " + path);
            String body = null;
            int status = 200;
            if (path.equals("/token")) {
                body = "{\"access_token\":\"stand-in-token\",\"token_type\":\"Bearer\"}";
            } else if (!"Bearer stand-in-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
            } else if (path.equals("/order/api/v1/reconciliation/order-service")) {
                body = "{\"service\":\"order-service\",\"asOf\":\"2026-12-03T22:00:00Z\",\"holds\":[{\"ownerId\":\""
                        + owner + "\",\"reservedMicros\":2000000,\"lockedMicros\":0}]}";
            } else if (path.equals("/escrow/api/v1/reconciliation/escrow-service")) {
                body = "{\"service\":\"escrow-service\",\"asOf\":\"2026-12-03T22:00:00Z\",\"holds\":[]}";
            } else {
                status = 404;
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (var os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Drift drift = reconciler.reconcile(base + "/token", base + "/order", base + "/escrow")
                    .await().atMost(Duration.ofSeconds(30));
            Drift.OwnerDrift mine = drift.owners().stream().filter(d -> d.ownerId().equals(owner)).findFirst()
                    .orElseThrow();
            assertEquals(new Drift.OwnerDrift(owner, 3_000_000, 2_000_000, 0, 0), mine);
            assertEquals(List.of("POST /token", "GET /order/api/v1/reconciliation/order-service",
                    "GET /escrow/api/v1/reconciliation/escrow-service"), seen);
        } finally {
            server.stop(0);
        }
    }

    private long gauge(String name, String kind) {
        return (long) meters.get(name).tag("kind", kind).gauge().value();
    }

    private void send(TestEvents events, Command command) {
        events.publish(commands, command.key(), UUID.randomUUID().toString(), command.type(), command.json());
    }
}
