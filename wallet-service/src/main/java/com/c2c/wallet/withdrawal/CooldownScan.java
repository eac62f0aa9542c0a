package com.c2c.wallet.withdrawal;

import com.c2c.wallet.withdrawal.domain.WithdrawalAction;
import com.c2c.wallet.withdrawal.domain.WithdrawalLifecycle;
import com.c2c.wallet.withdrawal.store.Withdrawal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Moves on withdrawals whose new-address cool-down has passed: to AWAITING_APPROVAL when they need admins,
 * else APPROVED. The deadline lives on the row, so a restart loses none; replicas skip each other's rows.
 */
@ApplicationScoped
public class CooldownScan {
    private static final Logger LOG = Logger.getLogger(CooldownScan.class);
    private static final int BATCH = 100;

    private final WithdrawalMoves moves;
    private volatile boolean stopping;

    CooldownScan(WithdrawalMoves moves) {
        this.moves = moves;
    }

    // The scheduler reads the key itself; its fallback is WithdrawalConfig's default.
    @Scheduled(identity = "wallet-withdrawal-cooldown-scan",
            every = "${c2c.wallet.withdrawal.cooldown-scan-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return moveAllDue()
                .onFailure().invoke(e -> LOG.error("withdrawal cool-down scan failed; the next one retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Moves every withdrawal whose cool-down has passed, a batch per transaction; answers how many. */
    public Uni<Integer> moveAllDue() {
        return Panache.withTransaction(() -> Withdrawal.lockCooledDown(WithdrawalMoves.now(), BATCH)
                        .chain(due -> moveEach(due, 0)))
                .chain(moved -> moved < BATCH ? Uni.createFrom().item(moved)
                        : moveAllDue().map(more -> moved + more));
    }

    /** One after the other: a session runs one statement at a time. */
    private Uni<Integer> moveEach(List<Withdrawal> due, int index) {
        if (index == due.size()) {
            return Uni.createFrom().item(due.size());
        }
        Withdrawal w = due.get(index);
        return moves.move(w, WithdrawalAction.COOL_DOWN_PASSED,
                        WithdrawalLifecycle.after(WithdrawalAction.COOL_DOWN_PASSED, w.approvalsRequired, 0),
                        WithdrawalMoves.WALLET, null, null)
                .chain(() -> moveEach(due, index + 1));
    }
}
