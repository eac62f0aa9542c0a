package com.c2c.escrow.trade;

import com.c2c.escrow.config.EscrowConfig;
import com.c2c.escrow.trade.domain.Decision;
import com.c2c.escrow.trade.domain.Role;
import com.c2c.escrow.trade.domain.TradeAction;
import com.c2c.escrow.trade.domain.TradeLifecycle;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.escrow.trade.store.TradeRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Acts on passed deadlines: a LOCKED trade the buyer did not pay is cancelled (and refunded), a PAID
 * trade the seller did not confirm goes to an arbiter. The deadlines live on the trade rows, so a
 * restart loses none; several replicas may scan at once, each taking rows the others do not hold.
 */
@ApplicationScoped
public class DeadlineScan {
    private static final Logger LOG = Logger.getLogger(DeadlineScan.class);

    private final TradeMoves moves;
    private final int batch;
    private volatile boolean stopping;

    DeadlineScan(TradeMoves moves, EscrowConfig config) {
        this.moves = moves;
        this.batch = config.deadlineScanBatch();
    }

    // The scheduler reads the key itself; its fallback is EscrowConfig's default.
    @Scheduled(identity = "escrow-deadline-scan", every = "${c2c.escrow.deadline-scan-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return expireAllDue()
                .onFailure().invoke(e -> LOG.error("deadline scan failed; the next one retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    // The scheduler may still fire while the database pool is closing.
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Applies every passed deadline, one batch per transaction; returns how many trades it moved. */
    public Uni<Integer> expireAllDue() {
        return expireDueBatch().chain(taken -> taken.size() < batch
                ? Uni.createFrom().item(taken.moved())
                : expireAllDue().map(more -> taken.moved() + more));
    }

    private record Batch(int size, int moved) {
    }

    private Uni<Batch> expireDueBatch() {
        return Panache.withTransaction(() -> {
            Instant now = Instant.now();
            return TradeRows.lockDue(now, batch).chain(due -> expire(due, 0, 0, now));
        });
    }

    /** One trade after the other: a session runs one statement at a time. */
    private Uni<Batch> expire(List<Trade> due, int index, int moved, Instant now) {
        if (index == due.size()) {
            return Uni.createFrom().item(new Batch(due.size(), moved));
        }
        Trade trade = due.get(index);
        TradeAction action = TradeLifecycle.onDeadline(trade.status);
        Decision decision = action == null ? null
                : TradeLifecycle.decide(trade.state(), action, Role.ESCROW, Role.ESCROW_ID, now);
        if (!(decision instanceof Decision.Move move)) {
            return expire(due, index + 1, moved, now);
        }
        return moves.apply(trade, move.action(), Role.ESCROW_ID, Statement.NONE, now)
                .chain(() -> expire(due, index + 1, moved + 1, now));
    }
}
