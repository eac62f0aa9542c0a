package com.c2c.wallet.reconcile;

import com.c2c.platform.messaging.reconcile.Hold;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The reconciler as a metric (ADR 0012): every {@code c2c.reconciler.interval} it reads order-service's
 * and escrow's reconciliation reports over HTTP (their admin API, as the service account
 * {@code c2c-reconciler}; never their databases), compares them with the ledger's own holds and sets
 * <ul>
 * <li>{@code c2c.reconcile.drift.owners{kind=reserved|locked}}: owners whose numbers disagree;</li>
 * <li>{@code c2c.reconcile.drift.micros{kind=reserved|locked}}: by how much, summed over owners (absolute);</li>
 * <li>{@code c2c.reconcile.drift.persistent.owners{kind}} and {@code c2c.reconcile.drift.persistent.micros{kind}}:
 * the same for the owners that drifted in the previous run too with every number unchanged
 * ({@link Drift#persistingFrom}): nothing of theirs was in flight, so this is what to alert on;</li>
 * <li>{@code c2c.reconcile.last.success}: when a comparison last completed (epoch seconds; 0: never).</li>
 * </ul>
 * One comparison is a snapshot of three services taken a moment apart, so events in flight show as drift
 * for one run, and under steady traffic some owner is nearly always in flight: the plain drift gauges are for
 * dashboards, the persistent ones for alerts (docs/operations.md). A failed run leaves the gauges as they were
 * and last.success ages.
 */
@ApplicationScoped
public class PeriodicReconciler {
    private static final Logger LOG = Logger.getLogger(PeriodicReconciler.class);

    private final ReconcilerConfig config;
    private final LedgerHolds ledger;
    private final ObjectMapper json;
    private final int maxOwners;
    private final HttpClient http;
    private final AtomicBoolean running = new AtomicBoolean();
    private final DriftGauges driftGauges;
    private final DriftGauges persistentGauges;
    private final AtomicLong lastSuccess = new AtomicLong();
    /** The last comparison's drift, which the next one's must repeat to be persistent. */
    private volatile Drift previous = Drift.NONE;
    private volatile Drift persistent = Drift.NONE;
    private volatile long timerId = -1;

    PeriodicReconciler(ReconcilerConfig config, LedgerHolds ledger, ObjectMapper json, MeterRegistry meters,
            @ConfigProperty(name = "c2c.reconciliation.max-owners", defaultValue = "100000") int maxOwners) {
        this.config = config;
        this.ledger = ledger;
        this.json = json;
        this.maxOwners = maxOwners;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.driftGauges = new DriftGauges(meters, "c2c.reconcile.drift");
        this.persistentGauges = new DriftGauges(meters, "c2c.reconcile.drift.persistent");
        meters.gauge("c2c.reconcile.last.success", lastSuccess);
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        if (!config.enabled()) {
            return;
        }
        timerId = vertx.setPeriodic(config.interval().toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return; // the previous run is still under way
            }
            reconcile().eventually(() -> running.set(false)).subscribe().with(
                    drift -> {
                    },
                    failure -> LOG.warnf("reconciliation failed; the next run retries: %s", failure.toString()));
        });
    }

    void stop(@Observes ShutdownEvent stopping, Vertx vertx) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** One run: the two reports over HTTP, then the comparison. */
    public Uni<Drift> reconcile() {
        return reconcile(config.tokenUrl(), config.orderServiceUrl(), config.escrowServiceUrl());
    }

    /** One run against the given token endpoint and services (a test's stand-ins). */
    public Uni<Drift> reconcile(String tokenUrl, String orderServiceUrl, String escrowServiceUrl) {
        return fetch(() -> token(tokenUrl)).chain(token -> fetch(() -> report(orderServiceUrl, "order-service", token))
                .chain(order -> fetch(() -> report(escrowServiceUrl, "escrow-service", token))
                        .chain(escrow -> compareWith(order, escrow))));
    }

    /** The drift of the last comparison that repeated the one before it exactly ({@link Drift#persistingFrom}). */
    public Drift persistent() {
        return persistent;
    }

    /** Compares the ledger, read now, with the other services' reports; sets the gauges. */
    public Uni<Drift> compareWith(List<Hold> order, List<Hold> escrow) {
        return ledger.holds(maxOwners + 1).map(wallet -> {
            if (wallet.size() > maxOwners) {
                throw new IllegalStateException("more than " + maxOwners + " owners hold USDT in the ledger");
            }
            Drift drift = Drift.of(wallet, order, escrow);
            Drift stays = drift.persistingFrom(previous);
            previous = drift;
            persistent = stays;
            driftGauges.show(drift);
            persistentGauges.show(stays);
            lastSuccess.set(Instant.now().getEpochSecond());
            if (!stays.none()) {
                LOG.warnf("reconciliation: %d owner(s) drift with nothing in flight since the last run (reserved %d"
                        + " micro-units over %d owners, locked %d over %d); first: %s", stays.owners().size(),
                        stays.microsReserved(), stays.ownersReserved(), stays.microsLocked(), stays.ownersLocked(),
                        stays.owners().subList(0, Math.min(5, stays.owners().size())));
            } else if (!drift.none()) {
                LOG.debugf("reconciliation: %d owner(s) differ this run, none with nothing in flight since the last run",
                        drift.owners().size());
            }
            return drift;
        });
    }

    /** The four gauges of one drift figure: {@code <prefix>.owners} and {@code <prefix>.micros}, per kind. */
    private static final class DriftGauges {
        private final AtomicLong ownersReserved = new AtomicLong();
        private final AtomicLong ownersLocked = new AtomicLong();
        private final AtomicLong microsReserved = new AtomicLong();
        private final AtomicLong microsLocked = new AtomicLong();

        DriftGauges(MeterRegistry meters, String prefix) {
            meters.gauge(prefix + ".owners", Tags.of("kind", "reserved"), ownersReserved);
            meters.gauge(prefix + ".owners", Tags.of("kind", "locked"), ownersLocked);
            meters.gauge(prefix + ".micros", Tags.of("kind", "reserved"), microsReserved);
            meters.gauge(prefix + ".micros", Tags.of("kind", "locked"), microsLocked);
        }

        void show(Drift drift) {
            ownersReserved.set(drift.ownersReserved());
            ownersLocked.set(drift.ownersLocked());
            microsReserved.set(drift.microsReserved());
            microsLocked.set(drift.microsLocked());
        }
    }

    private interface Call<T> {
        java.util.concurrent.CompletableFuture<T> start() throws IOException;
    }

    private static <T> Uni<T> fetch(Call<T> call) {
        return Uni.createFrom().deferred(() -> {
            try {
                return Uni.createFrom().completionStage(call.start());
            } catch (IOException e) {
                return Uni.createFrom().failure(e);
            }
        });
    }

    private java.util.concurrent.CompletableFuture<String> token(String tokenUrl) {
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId()) + "&client_secret="
                + encode(config.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonNode body = parse(ok(response, "token from " + tokenUrl));
            String token = body.path("access_token").asText(null);
            if (token == null) {
                throw new IllegalStateException("no access_token from " + tokenUrl);
            }
            return token;
        });
    }

    private java.util.concurrent.CompletableFuture<List<Hold>> report(String baseUrl, String service, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/reconciliation/" + service))
                .timeout(config.timeout()).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonNode holds = parse(ok(response, service + "'s report")).path("holds");
            List<Hold> list = new ArrayList<>(holds.size());
            for (JsonNode h : holds) {
                list.add(new Hold(h.path("ownerId").asText(), h.path("reservedMicros").asLong(),
                        h.path("lockedMicros").asLong()));
            }
            return list;
        });
    }

    private static String ok(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer: " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
