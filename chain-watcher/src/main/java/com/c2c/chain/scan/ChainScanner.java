package com.c2c.chain.scan;

import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.LogRange;
import com.c2c.chain.scan.domain.PendingBackfill;
import com.c2c.chain.scan.node.ChainNode;
import com.c2c.chain.scan.store.ChainCursor;
import com.c2c.chain.scan.store.Deposit;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Follows one chain on a thread of its own (web3j blocks; the event loop must not): while this instance holds
 * the chain's {@link ScanLock}, it reads a step from the node ({@link StepReader}) and writes it in one
 * transaction ({@link StepWriter}), as fast as the node answers while behind, then every poll interval. Between
 * two steps it reads one range again for addresses watched late ({@link BackfillReader}), if any wait.
 */
final class ChainScanner {
    private static final Logger LOG = Logger.getLogger(ChainScanner.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** Behind by more than this, the scanner reports its catching up. */
    private static final long BEHIND = 10;
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final ScannedChain chain;
    private final ChainNode node;
    private final StepWriter writer;
    private final ScanLock lock;
    private final ChainStatus status;
    private final Duration poll;
    private final OptionalLong startBlock;
    private final StepReader reader;
    private final BackfillReader backfillReader;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private int failures;
    private long progressSince;
    private long progressFrom = -1;
    private boolean catchingUp;
    private int backfillFailures;
    private long backfillLoggedAt;
    private boolean backfilling;

    ChainScanner(ScannedChain chain, ChainNode node, StepWriter writer, ScanLock lock, ChainStatus status,
            Duration poll, int maxRange, OptionalLong startBlock) {
        this.chain = chain;
        this.node = node;
        this.writer = writer;
        this.lock = lock;
        this.status = status;
        this.poll = poll;
        this.startBlock = startBlock;
        this.reader = new StepReader(chain, node, new LogRange(maxRange));
        this.backfillReader = new BackfillReader(chain, node, new LogRange(maxRange));
        this.thread = Thread.ofPlatform().name("chain-scan-" + chain.name()).daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Stops after the step in flight (its transaction commits or not as a whole) and frees the lock. */
    void stop() {
        stopped.countDown();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.release();
        status.leading(false);
        node.close();
    }

    /**
     * Stops as a killed process would: the thread is interrupted wherever it is, the lock's session let go,
     * and nothing waits for the step in flight (its transaction may still commit, or not).
     */
    void kill() {
        stopped.countDown();
        thread.interrupt();
        lock.release();
        status.leading(false);
        node.close();
    }

    private void run() {
        LOG.infof("%s: scanning token %s, %d confirmations, %d blocks kept", chain, chain.tokenContract(),
                chain.confirmations(), chain.keptBlocks());
        while (stopped.getCount() > 0) {
            Duration pause;
            try {
                boolean leading = lock.held();
                status.leading(leading);
                boolean more = leading && step();
                // between forward steps, one range of the addresses watched late (if any)
                more |= leading && backfill();
                pause = more ? Duration.ZERO : poll;
                if (failures > 0) {
                    LOG.infof("%s: scanning again after %d failed attempts", chain, failures);
                    failures = 0;
                }
            } catch (StepWriter.CursorMoved moved) {
                LOG.warnf("%s: %s; reading again", chain, moved.getMessage());
                pause = poll;
            } catch (Exception e) {
                if (stopped.getCount() == 0) {
                    break; // stopped (or killed) in the middle of the step: not a failure to report
                }
                failures++;
                pause = backoff();
                // the first failure and then one in ten, not every retry of an outage
                if (failures % 10 == 1) {
                    LOG.warnf("%s: step failed (attempt %d), retrying in %s: %s", chain, failures, pause, e.toString());
                }
            }
            await(pause);
        }
    }

    /** One step; true when the cursor moved and more may be read at once. */
    private boolean step() throws Exception {
        ChainCursor cursor = db(() -> writer.cursor(chain.chainId()));
        if (cursor == null) {
            BlockRef start = startAfter(); // read from the node here: the database pipeline runs on an event loop
            cursor = db(() -> writer.cursorOrStart(chain, start));
            LOG.infof("%s: starting after block %d", chain, cursor.cursorBlock);
        }
        long at = cursor.cursorBlock;
        StepPlan plan = reader.read(at, cursor.cursorHash, () -> db(() -> writer.keptBlocks(chain.chainId())));
        switch (plan) {
            case StepPlan.Idle idle -> {
                db(() -> writer.idle(chain.chainId(), idle.head()));
                status.stepped(idle.head(), at);
                progress(idle.head(), at);
                return false;
            }
            case StepPlan.Inconsistent odd -> {
                LOG.infof("%s: the node changed while read (%s); reading again", chain, odd.why());
                return false;
            }
            case StepPlan.RollBack back -> {
                StepOutcome outcome = db(() -> writer.rollBack(chain, back.from(), back.ancestor()));
                status.stepped(back.head(), back.ancestor().number());
                status.reorg(!outcome.reorged.isEmpty() || back.ancestor().beyondWindow());
                String depth = (back.from() - back.ancestor().number()) + " blocks";
                if (back.ancestor().beyondWindow()) {
                    LOG.errorf("%s: REORG deeper than the %d kept blocks: no kept block is on the node's chain;"
                            + " going back to block %d and reading again", chain, chain.keptBlocks(),
                            back.ancestor().number());
                } else {
                    LOG.warnf("%s: reorg of %s, common ancestor block %d (%s); %s", chain, depth,
                            back.ancestor().number(), back.ancestor().hash(), outcome);
                }
                for (Deposit d : outcome.reorged) {
                    LOG.errorf("%s: ALERT confirmed deposit %s:%d (%d micro-units to %s, owner %s, block %d) was"
                            + " dropped by a reorg of %s after it was confirmed; it is REORGED, for an operator",
                            chain, d.txHash, d.logIndex, d.amountMicros, d.toAddress, d.ownerId, d.blockNumber, depth);
                }
                return true;
            }
            case StepPlan.Advance step -> {
                StepOutcome outcome = db(() -> writer.advance(chain, step.from(), step.tip(), step.head(), step.blocks(),
                        step.transfers()));
                status.stepped(step.head(), step.tip().number());
                if (outcome.changedDeposits()) {
                    LOG.infof("%s: blocks %d..%d: %s", chain, step.from() + 1, step.tip().number(), outcome);
                }
                for (Deposit d : outcome.oversized) {
                    LOG.errorf("%s: transfer %s:%d to %s of %s base units does not fit the platform's micro-units;"
                            + " not reported, OVERSIZED for an operator", chain, d.txHash, d.logIndex, d.toAddress,
                            d.rawValue);
                }
                progress(step.head(), step.tip().number());
                return step.tip().number() < step.head();
            }
        }
    }

    /**
     * Reads one range again for addresses watched after the scanner had passed blocks holding transfers to them
     * ({@code watched_address.backfill_from..backfill_to}) and records it as a step would. True when a range was
     * written and more may follow at once. Its failures are its own: retried at the next pass, never holding up the
     * forward scan.
     */
    private boolean backfill() throws Exception {
        try {
            List<PendingBackfill> batch = db(() -> writer.pendingBackfills(chain.chainId(),
                    BackfillReader.ADDRESSES_PER_QUERY));
            if (batch.isEmpty()) {
                status.backfills(0, 0);
                if (backfilling) {
                    LOG.infof("%s: backfill done: every address watched late has had its earlier blocks read", chain);
                    backfilling = false;
                }
                return false;
            }
            ChainCursor cursor = db(() -> writer.cursor(chain.chainId()));
            BackfillPlan plan = cursor == null ? null : backfillReader.read(batch, cursor.cursorBlock);
            if (plan == null) {
                return false; // its blocks are past the cursor for now (a reorg went back): the forward scan is first
            }
            StepOutcome outcome = db(() -> writer.backfill(chain, plan));
            BackfillBacklog left = db(() -> writer.backfillBacklog(chain.chainId()));
            if (stopped.getCount() == 0) {
                return false; // killed meanwhile: a newer scanner may already count, not this one's stale view
            }
            status.backfills(left.addresses(), left.blocks());
            backfillProgress(plan, outcome, left);
            backfillFailures = 0;
            return true;
        } catch (StepWriter.CursorMoved moved) {
            LOG.infof("%s: backfill: %s; reading again", chain, moved.getMessage());
            return false;
        } catch (Exception e) {
            if (stopped.getCount() == 0) {
                throw e;
            }
            if (++backfillFailures % 10 == 1) {
                LOG.warnf("%s: backfill failed (attempt %d), retrying at the next pass: %s", chain, backfillFailures,
                        e.toString());
            }
            return false;
        }
    }

    /** Each range that found deposits, an address finished, and every few seconds while addresses wait. */
    private void backfillProgress(BackfillPlan plan, StepOutcome outcome, BackfillBacklog left) {
        long now = System.nanoTime();
        if (!backfilling) {
            backfilling = true;
            backfillLoggedAt = now;
            LOG.infof("%s: backfill: reading earlier blocks again for %d addresses watched late, %d blocks in all", chain,
                    left.addresses() + plan.finished(), left.blocks() + (plan.to() - plan.from() + 1));
        }
        if (outcome.changedDeposits()) {
            LOG.infof("%s: backfill of blocks %d..%d: %s", chain, plan.from(), plan.to(), outcome);
        } else if (now - backfillLoggedAt >= PROGRESS_EVERY.toNanos()) {
            LOG.infof("%s: backfill at block %d, %d addresses and %d blocks left", chain, plan.to(), left.addresses(),
                    left.blocks());
        } else {
            return;
        }
        backfillLoggedAt = now;
    }

    /** The block before the first one to read: start-block - 1, or the head when none is configured. */
    private BlockRef startAfter() {
        try {
            long before = startBlock.isPresent() ? startBlock.getAsLong() - 1 : node.head();
            return before < 0 ? null : node.block(before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** While far behind, every few seconds: how far, and how fast it closes. */
    private void progress(long head, long cursor) {
        long now = System.nanoTime();
        long behind = head - cursor;
        if (behind <= BEHIND) {
            if (catchingUp) {
                LOG.infof("%s: caught up, %d blocks behind (cursor %d, head %d)", chain, behind, cursor, head);
                catchingUp = false;
            }
            progressFrom = -1;
            return;
        }
        if (progressFrom < 0) {
            progressFrom = cursor;
            progressSince = now;
            catchingUp = true;
            LOG.infof("%s: catching up, %d blocks behind (cursor %d, head %d)", chain, behind, cursor, head);
            return;
        }
        if (now - progressSince >= PROGRESS_EVERY.toNanos()) {
            double rate = (cursor - progressFrom) / ((now - progressSince) / 1e9);
            LOG.infof("%s: catching up, %d blocks behind (cursor %d, head %d), %.1f blocks/s", chain, behind, cursor,
                    head, rate);
            progressFrom = cursor;
            progressSince = now;
        }
    }

    private Duration backoff() {
        long millis = Math.min(LONGEST_BACKOFF.toMillis(), poll.toMillis() * (1L << Math.min(failures, 6)));
        return Duration.ofMillis(Math.max(millis, 100));
    }

    private void await(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    /** Runs a database pipeline on a Vert.x context of its own and waits for it (this is not an event loop). */
    private static <T> T db(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
