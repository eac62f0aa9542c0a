package com.c2c.order.maker;

import com.c2c.order.ad.AdMoves;
import com.c2c.order.ad.domain.Actor;
import com.c2c.order.ad.domain.AdAction;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.domain.AdTransitions;
import com.c2c.order.ad.domain.Decision;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.maker.store.MakerHeartbeat;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The dead-man's switch: a maker whose heartbeat is overdue has all its ACTIVE ads paused
 * (PAUSE_ON_MISSED_HEARTBEAT, which withdraws them from the book and keeps their USDT reserved), with the
 * reason HEARTBEAT_MISSED on each ad and the trip on the maker's row. The deadlines live on the rows, so a
 * restart loses none; several replicas may scan at once, each taking rows the others do not hold.
 *
 * <p>A heartbeat that comes later re-arms the switch but does not resume the ads. The switch trips because
 * the maker's quoting process lost contact with us (crashed, cut off, stuck); its prices may have gone
 * stale meanwhile, and only the maker knows when its quotes are right again. Resuming on the first sign
 * of life would put those quotes back on the book unseen, so the maker resumes them explicitly.
 */
@ApplicationScoped
public class HeartbeatScan {
    private static final Logger LOG = Logger.getLogger(HeartbeatScan.class);

    private final AdMoves moves;
    private final int batch;
    private volatile boolean stopping;

    HeartbeatScan(AdMoves moves, MakerConfig config) {
        this.moves = moves;
        this.batch = config.heartbeatScanBatch();
    }

    // The scheduler reads the key itself; its fallback is MakerConfig's default.
    @Scheduled(identity = "order-heartbeat-scan", every = "${c2c.order.maker.heartbeat-scan-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return tripAllDue()
                .onFailure().invoke(e -> LOG.error("heartbeat scan failed; the next one retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    // The scheduler may still fire while the database pool is closing.
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Trips every overdue switch, one batch of makers per transaction; returns how many ads it paused. */
    public Uni<Integer> tripAllDue() {
        return tripDueBatch().chain(taken -> taken.size() < batch
                ? Uni.createFrom().item(taken.paused())
                : tripAllDue().map(more -> taken.paused() + more));
    }

    private record Batch(int size, int paused) {
    }

    private Uni<Batch> tripDueBatch() {
        return Panache.withTransaction(() -> {
            Instant now = Instant.now();
            return MakerHeartbeat.lockDue(now, batch).chain(due -> trip(due, 0, 0, now));
        });
    }

    private Uni<Batch> trip(List<MakerHeartbeat> due, int index, int paused, Instant now) {
        if (index == due.size()) {
            return Uni.createFrom().item(new Batch(due.size(), paused));
        }
        MakerHeartbeat maker = due.get(index);
        // Locked in id order, as a cancel-all takes them, so two of them never wait on each other.
        return Ad.<Ad>find("ownerId = ?1 and status = ?2", Sort.by("id"), maker.ownerId, AdStatus.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(ads -> pause(ads, 0, 0))
                .chain(count -> {
                    maker.deadlineAt = null;
                    maker.trippedAt = now;
                    maker.pausedAds = count;
                    maker.updatedAt = now;
                    LOG.infof("maker %s sent no heartbeat within %d s: %d ads paused", maker.ownerId,
                            maker.intervalSeconds, count);
                    return trip(due, index + 1, paused + count, now);
                });
    }

    private Uni<Integer> pause(List<Ad> ads, int index, int paused) {
        if (index == ads.size()) {
            return Uni.createFrom().item(paused);
        }
        Ad ad = ads.get(index);
        if (!(AdTransitions.decide(ad.state(), AdAction.PAUSE_ON_MISSED_HEARTBEAT, Actor.SYSTEM)
                instanceof Decision.Move move)) {
            return pause(ads, index + 1, paused);
        }
        return moves.apply(ad, move.action()).chain(() -> pause(ads, index + 1, paused + 1));
    }
}
