package com.c2c.escrow.trade;

import com.c2c.escrow.config.EscrowConfig;
import com.c2c.escrow.trade.domain.FundsMovement;
import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.escrow.trade.messaging.WalletOrders;
import com.c2c.escrow.trade.store.Trade;
import com.c2c.escrow.trade.store.TradeRows;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * No trade waits for the wallet for good. A trade OPENED whose lock was not answered (one opened before ADR
 * 0028; the wallet now locks on the book's match and escrow opens the trade from its answer), or a decided
 * trade whose release or refund was not settled, gets the same command sent again after
 * {@code c2c.escrow.wallet-answer-timeout}, then after twice that, and so on up to
 * {@code c2c.escrow.wallet-resend-max-pause}: a command lost on its way (dead-lettered, a topic
 * restored from an old backup) is not lost for the trade. Sending again is safe because the wallet
 * identifies a command by its trade and kind and answers a repeat from the outcome it recorded; it
 * never moves USDT twice. Each resend is counted ({@code c2c.escrow.wallet.command.resent}); a trade
 * that keeps needing them is the alert (docs/operations.md).
 */
@ApplicationScoped
public class WalletCommandResend {
    private static final Logger LOG = Logger.getLogger(WalletCommandResend.class);
    static final String RESENT = "c2c.escrow.wallet.command.resent";
    private static final int BATCH = 100;

    private final WalletOrders wallet;
    private final MeterRegistry meters;
    private final Duration timeout;
    private final Duration maxPause;
    private volatile boolean stopping;

    WalletCommandResend(WalletOrders wallet, MeterRegistry meters, EscrowConfig config) {
        this.wallet = wallet;
        this.meters = meters;
        this.timeout = config.walletAnswerTimeout();
        this.maxPause = config.walletResendMaxPause();
    }

    @Scheduled(identity = "escrow-wallet-command-resend", every = "${c2c.escrow.wallet-resend-scan-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return resendDue()
                .onFailure().invoke(e -> LOG.warn("wallet command resend scan failed; the next one retries", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Sends again every due command, one batch per transaction; returns how many it sent. */
    public Uni<Integer> resendDue() {
        return Panache.withTransaction(() -> {
            Instant now = Instant.now();
            return TradeRows.lockWaitingForWallet(now.minus(timeout), now, BATCH).chain(due -> resend(due, 0, now));
        }).chain(sent -> sent < BATCH ? Uni.createFrom().item(sent) : resendDue().map(more -> sent + more));
    }

    private Uni<Integer> resend(List<Trade> due, int index, Instant now) {
        if (index == due.size()) {
            return Uni.createFrom().item(index);
        }
        Trade trade = due.get(index);
        FundsMovement movement = trade.status == TradeStatus.OPENED ? null : trade.lastAction.funds();
        String command = movement == null ? "LockFunds" : movement == FundsMovement.RELEASE_TO_BUYER
                ? "ReleaseFunds" : "RefundFunds";
        trade.walletResends++;
        trade.walletResendAt = now.plus(pause(trade.walletResends));
        LOG.warnf("trade %s (%s) has waited for the wallet's answer to %s since %s; sending it again (%d)",
                trade.id, trade.status, command, trade.updatedAt, trade.walletResends);
        meters.counter(RESENT, "command", command).increment();
        Uni<Void> send = movement == null ? wallet.lock(trade) : wallet.move(trade, movement);
        return TradeRows.write(trade).chain(() -> send).chain(() -> resend(due, index + 1, now));
    }

    /** timeout, 2×, 4× … up to the longest pause. */
    Duration pause(int resends) {
        Duration pause = timeout.multipliedBy(1L << Math.min(resends, 20));
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }
}
