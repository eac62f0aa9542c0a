package com.c2c.chain.scan;

import com.c2c.chain.address.store.WatchedAddress;
import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.CommonAncestor;
import com.c2c.chain.scan.domain.Confirmation;
import com.c2c.chain.scan.domain.DepositState;
import com.c2c.chain.scan.domain.PendingBackfill;
import com.c2c.chain.scan.domain.TokenTransfer;
import com.c2c.chain.scan.store.ChainCursor;
import com.c2c.chain.scan.store.Deposit;
import com.c2c.chain.scan.store.KeptBlock;
import com.c2c.events.EventCatalog;
import com.c2c.events.EventType;
import com.c2c.events.chain.ConfirmedDepositReorged;
import com.c2c.events.chain.DepositConfirmed;
import com.c2c.events.chain.DepositDetected;
import com.c2c.events.chain.DepositReverted;
import com.c2c.platform.messaging.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.FlushMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scanner's writes, each one transaction: a step's deposits, kept block hashes, new cursor and events
 * commit together or not at all, so a scanner killed anywhere resumes from its cursor with nothing
 * announced twice and nothing skipped. Each transaction first locks the chain's cursor row and checks it is
 * where the step started from: a second scanner of the same chain (a replica that lost its advisory lock
 * without noticing) cannot apply a step on top of another.
 */
@ApplicationScoped
public class StepWriter {
    private static final int RECIPIENTS_PER_QUERY = 1000;

    private final Outbox outbox;
    /** Tests: the next step fails after all its writes, before its commit, as a process killed there would. */
    private volatile boolean dieBeforeNextCommit;
    private volatile boolean dieBeforeNextBackfillCommit;

    StepWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The cursor moved since the step started: another scanner stepped. The step is dropped and redone. */
    public static final class CursorMoved extends RuntimeException {
        CursorMoved(String message) {
            super(message, null, false, false);
        }
    }

    /** For tests of a crash in the middle of a step: the next one rolls back after writing everything. */
    void dieBeforeNextCommit() {
        dieBeforeNextCommit = true;
    }

    /** For tests of a crash in the middle of a backfill: the next range rolls back after writing everything. */
    void dieBeforeNextBackfillCommit() {
        dieBeforeNextBackfillCommit = true;
    }

    boolean willDieBeforeNextBackfillCommit() {
        return dieBeforeNextBackfillCommit;
    }

    boolean willDieBeforeNextCommit() {
        return dieBeforeNextCommit;
    }

    public Uni<ChainCursor> cursor(long chainId) {
        return Panache.withSession(() -> ChainCursor.findById(chainId));
    }

    /** The chain's cursor, created at {@code start} (the block before the first to read) when it has none. */
    public Uni<ChainCursor> cursorOrStart(ScannedChain chain, BlockRef start) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into chain_cursor (chain_id, name, cursor_block, cursor_hash, last_step_at)
                values (:chain, :name, :block, :hash, now()) on conflict (chain_id) do nothing""")
                .setParameter("chain", chain.chainId()).setParameter("name", chain.name())
                .setParameter("block", start == null ? -1L : start.number())
                .setParameter("hash", start == null ? null : start.hash())
                .executeUpdate()))
                .chain(() -> cursor(chain.chainId()));
    }

    /** The kept blocks, newest first. */
    public Uni<List<BlockRef>> keptBlocks(long chainId) {
        return Panache.withSession(() -> KeptBlock.<KeptBlock>find("key.chainId = ?1 order by key.number desc", chainId)
                .list().map(blocks -> blocks.stream().map(KeptBlock::ref).toList()));
    }

    /** Nothing new to read: the head seen and the time of this step, for operators. */
    public Uni<Void> idle(long chainId, long head) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "update chain_cursor set head_block = :head, last_step_at = now() where chain_id = :chain")
                .setParameter("head", head).setParameter("chain", chainId).executeUpdate())).replaceWithVoid();
    }

    /**
     * Records blocks (cursor, tip]: the transfers found in them, the hashes of those inside the kept window,
     * the new cursor at {@code tip}; then confirms the pending deposits now deep enough.
     */
    public Uni<StepOutcome> advance(ScannedChain chain, long from, BlockRef tip, long head, List<BlockRef> blocks,
            List<TokenTransfer> transfers) {
        StepOutcome outcome = new StepOutcome();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> flushAtCommitOnly().chain(() -> lockCursor(chain, from)).chain(cursor -> {
            cursor.cursorBlock = tip.number();
            cursor.cursorHash = tip.hash();
            cursor.headBlock = head;
            cursor.lastStepAt = now;
            return sequentially(blocks, block -> keep(chain, block))
                    .chain(() -> forget(chain, Math.min(tip.number(), head - chain.keptBlocks() + 1)))
                    .chain(() -> record(chain, transfers, now, outcome))
                    .chain(() -> Panache.getSession().chain(session -> session.flush()))
                    .chain(() -> confirm(chain, tip.number(), now, outcome))
                    .invoke(() -> {
                        if (dieBeforeNextCommit) {
                            dieBeforeNextCommit = false;
                            throw new IllegalStateException("simulated death before the commit of blocks " + (from + 1)
                                    + ".." + tip.number());
                        }
                    });
        })).replaceWith(outcome);
    }

    /**
     * A step writes thousands of rows, each found by a query first: with Hibernate's automatic flush before every
     * query, each query dirty-checks every entity the step touched so far, so a step of n deposits costs O(n²)
     * (the catch-up bench measured 2000-block ranges three times slower per deposit than 100-block ones). The
     * step's queries never need its own unflushed rows (one row per log, and it flushes by hand before
     * confirming), so it flushes at commit only.
     */
    private static Uni<Void> flushAtCommitOnly() {
        return Panache.getSession().invoke(session -> session.setFlushMode(FlushMode.COMMIT)).replaceWithVoid();
    }

    /** The chain's backfill backlog (none when no address waits). */
    public Uni<BackfillBacklog> backfillBacklog(long chainId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                BackfillBacklog.OF_CHAIN, Object[].class)
                .setParameter("chain", chainId).getResultList()))
                .map(rows -> rows.isEmpty() ? BackfillBacklog.NONE : BackfillBacklog.of(rows.getFirst()));
    }

    /** Up to {@code limit} addresses with blocks still to read again, lowest first. */
    public Uni<List<PendingBackfill>> pendingBackfills(long chainId, int limit) {
        return Panache.withSession(() -> WatchedAddress.<WatchedAddress>find(
                "key.chainId = ?1 and backfillFrom is not null order by backfillFrom, key.address", chainId)
                .page(0, limit).list()
                .map(rows -> rows.stream().map(w -> new PendingBackfill(w.key.address(), w.backfillFrom, w.backfillTo))
                        .toList()));
    }

    /**
     * Records a backfill range as a forward step records its blocks, in one transaction: the transfers found (new
     * ones DETECTED + {@code DepositDetected}, ones seen before nothing), then every pending deposit now deep enough
     * at the cursor CONFIRMED + {@code DepositConfirmed} (so a deposit already deeper than the confirmations is
     * announced detected and confirmed at once), and each address's backfill moved on. The cursor row is locked
     * as by a forward step, so the two never interleave; a range that reaches past the cursor (it went back in a
     * reorg) or names a block hash other than the kept one (a reorg the next forward step walks back) is dropped
     * and read again.
     */
    public Uni<StepOutcome> backfill(ScannedChain chain, BackfillPlan plan) {
        StepOutcome outcome = new StepOutcome();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> flushAtCommitOnly().chain(() -> ChainCursor.<ChainCursor>findById(
                chain.chainId(), LockModeType.PESSIMISTIC_WRITE)).chain(cursor -> {
                    if (cursor == null || cursor.cursorBlock < plan.to()) {
                        throw new CursorMoved(chain + ": cursor is at " + (cursor == null ? "nothing" : cursor.cursorBlock)
                                + ", below the backfill range " + plan.from() + ".." + plan.to());
                    }
                    return sequentially(plan.transfers(), transfer -> KeptBlock.<KeptBlock>findById(
                            new KeptBlock.Key(chain.chainId(), transfer.blockNumber())).invoke(kept -> {
                                if (kept != null && !kept.hash.equals(transfer.blockHash())) {
                                    throw new CursorMoved(chain + ": backfill read block " + transfer.blockNumber() + " as "
                                            + transfer.blockHash() + ", the scanner holds " + kept.hash);
                                }
                            }))
                            .chain(() -> sequentially(plan.progress(), progress -> moveBackfill(chain, progress)))
                            .chain(() -> record(chain, plan.transfers(), now, outcome))
                            .chain(() -> Panache.getSession().chain(session -> session.flush()))
                            .chain(() -> confirm(chain, cursor.cursorBlock, now, outcome))
                            .invoke(() -> {
                                if (dieBeforeNextBackfillCommit) {
                                    dieBeforeNextBackfillCommit = false;
                                    throw new IllegalStateException("simulated death before the commit of backfill "
                                            + plan.from() + ".." + plan.to());
                                }
                            });
                })).replaceWith(outcome);
    }

    /** Compare-and-set: the address's backfill must still start where the range was read from. */
    private Uni<Void> moveBackfill(ScannedChain chain, BackfillPlan.Progress progress) {
        String sql = progress.done()
                ? "update watched_address set backfill_from = null, backfill_to = null"
                        + " where chain_id = :chain and address = :address and backfill_from = :expected"
                : "update watched_address set backfill_from = :next"
                        + " where chain_id = :chain and address = :address and backfill_from = :expected";
        return Panache.getSession().chain(session -> {
            var update = session.createNativeQuery(sql).setParameter("chain", chain.chainId())
                    .setParameter("address", progress.address()).setParameter("expected", progress.expectedFrom());
            if (!progress.done()) {
                update.setParameter("next", progress.nextFrom());
            }
            return update.executeUpdate();
        }).invoke(updated -> {
            if (updated != 1) {
                throw new CursorMoved(chain + ": the backfill of " + progress.address() + " no longer starts at block "
                        + progress.expectedFrom());
            }
        }).replaceWithVoid();
    }

    /**
     * A reorg: the cursor goes back to the common ancestor, the kept blocks above it are forgotten, and every
     * deposit above it is dropped: pending ones are reverted, confirmed ones are reorged (an operator's case).
     * The next steps read the new blocks again.
     */
    public Uni<StepOutcome> rollBack(ScannedChain chain, long from, CommonAncestor.Found ancestor) {
        StepOutcome outcome = new StepOutcome();
        Instant now = Instant.now();
        int depth = (int) Math.min(Integer.MAX_VALUE, from - ancestor.number());
        return Panache.withTransaction(() -> lockCursor(chain, from).chain(cursor -> {
            cursor.cursorBlock = ancestor.number();
            cursor.cursorHash = ancestor.hash();
            cursor.lastStepAt = now;
            return Deposit.<Deposit>find("chainId = ?1 and blockNumber > ?2 and state in ?3 order by id", chain.chainId(),
                    ancestor.number(), List.of(DepositState.DETECTED, DepositState.CONFIRMED)).list()
                    .chain(dropped -> sequentially(dropped, deposit -> drop(chain, deposit, depth, now, outcome)))
                    .chain(() -> KeptBlock.delete("key.chainId = ?1 and key.number > ?2", chain.chainId(),
                            ancestor.number()));
        })).replaceWith(outcome);
    }

    private Uni<ChainCursor> lockCursor(ScannedChain chain, long expected) {
        return ChainCursor.<ChainCursor>findById(chain.chainId(), LockModeType.PESSIMISTIC_WRITE).map(cursor -> {
            if (cursor == null || cursor.cursorBlock != expected) {
                throw new CursorMoved(chain + ": cursor is at " + (cursor == null ? "nothing" : cursor.cursorBlock)
                        + ", the step started from " + expected);
            }
            return cursor;
        });
    }

    private Uni<Void> keep(ScannedChain chain, BlockRef block) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into kept_block (chain_id, number, hash, parent_hash) values (:chain, :number, :hash, :parent)
                on conflict (chain_id, number) do update set hash = excluded.hash, parent_hash = excluded.parent_hash""")
                .setParameter("chain", chain.chainId()).setParameter("number", block.number())
                .setParameter("hash", block.hash()).setParameter("parent", block.parentHash()).executeUpdate())
                .replaceWithVoid();
    }

    /** Forgets kept blocks below {@code oldest}: deeper than any reorg the scanner walks back. */
    private Uni<Void> forget(ScannedChain chain, long oldest) {
        return KeptBlock.delete("key.chainId = ?1 and key.number < ?2", chain.chainId(), oldest).replaceWithVoid();
    }

    private Uni<Void> record(ScannedChain chain, List<TokenTransfer> transfers, Instant now, StepOutcome outcome) {
        if (transfers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // A busy token moves to thousands of addresses in a range: asked in slices, each far below PostgreSQL's
        // limit on bind parameters.
        List<String> recipients = transfers.stream().map(TokenTransfer::to).distinct().toList();
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i += RECIPIENTS_PER_QUERY) {
            slices.add(recipients.subList(i, Math.min(recipients.size(), i + RECIPIENTS_PER_QUERY)));
        }
        Map<String, String> owners = new HashMap<>();
        return sequentially(slices, slice -> WatchedAddress.<WatchedAddress>find(
                "key.chainId = ?1 and key.address in ?2", chain.chainId(), slice).list()
                .invoke(watched -> watched.forEach(w -> owners.put(w.key.address(), w.ownerId))))
                .chain(() -> sequentially(transfers, transfer -> {
                    String owner = owners.get(transfer.to());
                    return owner == null || transfer.empty() ? Uni.createFrom().voidItem() : recordOne(chain, transfer, owner, now, outcome);
                }));
    }

    private Uni<Void> recordOne(ScannedChain chain, TokenTransfer transfer, String owner, Instant now,
            StepOutcome outcome) {
        return Deposit.<Deposit>find("chainId = ?1 and txHash = ?2 and logIndex = ?3", chain.chainId(), transfer.txHash(),
                transfer.logIndex()).firstResult().chain(known -> {
                    if (known != null && known.state != DepositState.REVERTED) {
                        return Uni.createFrom().voidItem(); // seen before (a re-scan): announced already
                    }
                    Deposit deposit = known != null ? known : new Deposit();
                    deposit.chainId = chain.chainId();
                    deposit.txHash = transfer.txHash();
                    deposit.logIndex = transfer.logIndex();
                    deposit.blockNumber = transfer.blockNumber();
                    deposit.blockHash = transfer.blockHash();
                    deposit.tokenContract = transfer.contract();
                    deposit.fromAddress = transfer.from();
                    deposit.toAddress = transfer.to();
                    deposit.ownerId = owner;
                    deposit.rawValue = new BigDecimal(transfer.value());
                    deposit.changedAt = now;
                    if (known == null) {
                        deposit.detectedAt = now;
                    }
                    if (!transfer.fitsMicros()) {
                        deposit.state = DepositState.OVERSIZED;
                        deposit.amountMicros = null;
                        deposit.reason = "value " + transfer.value() + " does not fit the platform's micro-units";
                        outcome.oversized.add(deposit);
                        return deposit.persist().replaceWithVoid();
                    }
                    deposit.state = DepositState.DETECTED;
                    deposit.amountMicros = transfer.value().longValueExact();
                    deposit.reason = known == null ? null : "seen again in block " + transfer.blockNumber() + " after a reorg";
                    outcome.detected.add(deposit);
                    DepositDetected event = new DepositDetected(deposit.chainId, deposit.txHash, deposit.logIndex,
                            deposit.blockNumber, deposit.blockHash, deposit.tokenContract, deposit.fromAddress,
                            deposit.toAddress, deposit.ownerId, deposit.amountMicros, chain.confirmations());
                    return deposit.persist().chain(() -> publish(EventCatalog.DEPOSIT_DETECTED, deposit, event));
                });
    }

    private Uni<Void> confirm(ScannedChain chain, long tip, Instant now, StepOutcome outcome) {
        long deepest = Confirmation.deepestUnconfirmable(tip, chain.confirmations());
        return Deposit.<Deposit>find("chainId = ?1 and state = ?2 and blockNumber <= ?3 order by id", chain.chainId(),
                DepositState.DETECTED, deepest).list()
                .chain(due -> sequentially(due, deposit -> KeptBlock.<KeptBlock>findById(
                        new KeptBlock.Key(chain.chainId(), deposit.blockNumber)).chain(kept -> {
                            String canonical = kept == null ? null : kept.hash;
                            if (!Confirmation.confirmed(deposit.blockNumber, deposit.blockHash, canonical, tip,
                                    chain.confirmations())) {
                                // its block was replaced without the cursor noticing yet: the next step's
                                // reorg check reverts it
                                return Uni.createFrom().voidItem();
                            }
                            deposit.state = DepositState.CONFIRMED;
                            deposit.changedAt = now;
                            outcome.confirmed.add(deposit);
                            int depth = (int) Math.min(Integer.MAX_VALUE, Confirmation.depth(deposit.blockNumber, tip));
                            return publish(EventCatalog.DEPOSIT_CONFIRMED, deposit, new DepositConfirmed(
                                    deposit.chainId, deposit.txHash, deposit.logIndex, deposit.blockNumber,
                                    deposit.blockHash, deposit.tokenContract, deposit.fromAddress, deposit.toAddress,
                                    deposit.ownerId, deposit.amountMicros, depth));
                        })));
    }

    private Uni<Void> drop(ScannedChain chain, Deposit deposit, int depth, Instant now, StepOutcome outcome) {
        String why = "block " + deposit.blockNumber + " (" + deposit.blockHash + ") left the chain in a reorg of "
                + depth + " blocks";
        deposit.changedAt = now;
        deposit.reason = why;
        if (deposit.state == DepositState.DETECTED) {
            deposit.state = DepositState.REVERTED;
            outcome.reverted.add(deposit);
            return publish(EventCatalog.DEPOSIT_REVERTED, deposit, new DepositReverted(deposit.chainId, deposit.txHash,
                    deposit.logIndex, deposit.blockNumber, deposit.blockHash, deposit.toAddress, deposit.ownerId,
                    deposit.amountMicros, why));
        }
        deposit.state = DepositState.REORGED;
        deposit.reason = why + " after it was confirmed: for an operator";
        outcome.reorged.add(deposit);
        return publish(EventCatalog.CONFIRMED_DEPOSIT_REORGED, deposit, new ConfirmedDepositReorged(deposit.chainId,
                deposit.txHash, deposit.logIndex, deposit.blockNumber, deposit.blockHash, deposit.toAddress,
                deposit.ownerId, deposit.amountMicros, depth));
    }

    /** Keyed by the deposit address (the topic's key); the subject names the deposit. */
    private <T> Uni<Void> publish(EventType<T> type, Deposit deposit, T event) {
        return outbox.add(type.topic(), deposit.toAddress, type.name(),
                deposit.chainId + ":" + deposit.txHash + ":" + deposit.logIndex, event).replaceWithVoid();
    }

    /** One after the other: a session runs one statement at a time. */
    private static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<?>> each) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> each.apply(item)
                .replaceWith(Boolean.TRUE)).collect().last().replaceWithVoid();
    }

}
