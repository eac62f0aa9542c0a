package com.c2c.chain.outgoing;

import com.c2c.chain.config.ChainConfig;
import com.c2c.chain.outgoing.store.OutgoingTx;
import com.c2c.chain.scan.node.ChainNode;
import com.c2c.events.EventCatalog;
import com.c2c.events.EventType;
import com.c2c.events.chain.OutgoingTransferConfirmed;
import com.c2c.events.chain.OutgoingTransferFailed;
import com.c2c.events.wallet.OutgoingTransferSigned;
import com.c2c.platform.messaging.consumer.PoisonEvent;
import com.c2c.platform.messaging.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The outgoing transfers chain-watcher follows: each signed version the wallet announces is stored
 * ({@link #signed}), and what the node says of it ({@link #observe}) moves it, in one transaction with the event
 * when it becomes final. Final means confirmations deep on the canonical chain, as for deposits.
 */
@ApplicationScoped
public class OutgoingTransfers {
    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
    private static final Set<String> PURPOSES = Set.of("WITHDRAWAL", "SWEEP");

    private final Outbox outbox;
    private final Set<Long> chains;

    OutgoingTransfers(Outbox outbox, ChainConfig config) {
        this.outbox = outbox;
        this.chains = config.chainIds();
    }

    /** What the node says of one signed version. */
    public sealed interface Seen {
        /** No receipt on the canonical chain. */
        record NotMined() implements Seen {
        }

        /** Mined at {@code depth} (its own block counts as one). */
        record Mined(ChainNode.Receipt receipt, long depth) implements Seen {
        }
    }

    /** A signed version the wallet stored (runs in the consumer's inbox transaction); idempotent by hash. */
    public Uni<Void> signed(OutgoingTransferSigned signed) {
        if (!chains.contains(signed.chainId())) {
            throw PoisonEvent.invalid("chain " + signed.chainId() + " is not one this watcher follows " + chains);
        }
        String hash = lower(signed.txHash());
        String from = lower(signed.fromAddress());
        String to = lower(signed.toAddress());
        if (!HASH.matcher(hash).matches() || !ADDRESS.matcher(from).matches() || !ADDRESS.matcher(to).matches()
                || signed.transferId().isBlank() || signed.transferId().length() > 100 || signed.nonce() < 0
                || signed.amountMicros() <= 0 || !PURPOSES.contains(signed.purpose())) {
            throw PoisonEvent.invalid("outgoing transfer " + signed.transferId() + " is malformed");
        }
        return OutgoingTx.<OutgoingTx>find("chainId = ?1 and txHash = ?2", signed.chainId(), hash).firstResult()
                .chain(known -> known != null ? Uni.createFrom().voidItem() : finalOf(signed.chainId(), signed.transferId())
                        .chain(done -> {
                            Instant now = Instant.now();
                            OutgoingTx tx = new OutgoingTx();
                            tx.chainId = signed.chainId();
                            tx.txHash = hash;
                            tx.transferId = signed.transferId();
                            tx.purpose = signed.purpose();
                            tx.nonce = signed.nonce();
                            tx.fromAddress = from;
                            tx.toAddress = to;
                            tx.amountMicros = signed.amountMicros();
                            tx.state = done == null ? OutgoingTx.State.PENDING : OutgoingTx.State.SUPERSEDED;
                            tx.reason = done == null ? null : "the transfer was final already with " + done.txHash;
                            tx.signedAt = now;
                            tx.changedAt = now;
                            return tx.persist().replaceWithVoid();
                        }));
    }

    /** The open versions of a chain (pending or mined, not final), oldest first. */
    public Uni<List<OutgoingTx>> open(long chainId, int limit) {
        return Panache.withSession(() -> OutgoingTx.<OutgoingTx>find("chainId = ?1 and state in ?2 order by id", chainId,
                List.of(OutgoingTx.State.PENDING, OutgoingTx.State.MINED)).page(0, limit).list());
    }

    /**
     * Applies what the node said of version {@code id}: mined below the depth, mined and final (the transfer's
     * event, its other versions superseded), or no longer mined (its block left the chain).
     */
    public Uni<OutgoingTx.State> observe(long id, int confirmations, Seen seen) {
        return Panache.withTransaction(() -> OutgoingTx.<OutgoingTx>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(tx -> {
                    if (tx == null || !tx.state.open()) {
                        return Uni.createFrom().item(tx == null ? null : tx.state);
                    }
                    Instant now = Instant.now();
                    if (seen instanceof Seen.Mined(ChainNode.Receipt receipt, long depth)) {
                        tx.blockNumber = receipt.blockNumber();
                        tx.blockHash = receipt.blockHash();
                        tx.changedAt = now;
                        if (depth < confirmations) {
                            tx.state = OutgoingTx.State.MINED;
                            tx.reason = null;
                            return Uni.createFrom().item(tx.state);
                        }
                        return settle(tx, receipt, depth, now).replaceWith(tx.state);
                    }
                    if (tx.state == OutgoingTx.State.MINED) {
                        tx.reason = "block " + tx.blockNumber + " (" + tx.blockHash + ") left the chain before the"
                                + " transfer was final";
                        tx.state = OutgoingTx.State.PENDING;
                        tx.blockNumber = null;
                        tx.blockHash = null;
                        tx.changedAt = now;
                    }
                    return Uni.createFrom().item(tx.state);
                }));
    }

    private Uni<Void> settle(OutgoingTx tx, ChainNode.Receipt receipt, long depth, Instant now) {
        tx.state = receipt.succeeded() ? OutgoingTx.State.CONFIRMED : OutgoingTx.State.FAILED;
        tx.reason = receipt.succeeded() ? null : "mined reverted (status 0) in block " + receipt.blockNumber();
        int deep = (int) Math.min(Integer.MAX_VALUE, depth);
        Uni<Void> event = receipt.succeeded()
                ? publish(EventCatalog.OUTGOING_TRANSFER_CONFIRMED, tx, new OutgoingTransferConfirmed(tx.chainId,
                        tx.transferId, tx.purpose, tx.txHash, tx.nonce, tx.fromAddress, receipt.blockNumber(),
                        receipt.blockHash(), deep))
                : publish(EventCatalog.OUTGOING_TRANSFER_FAILED, tx, new OutgoingTransferFailed(tx.chainId,
                        tx.transferId, tx.purpose, tx.txHash, tx.nonce, receipt.blockNumber(), receipt.blockHash(),
                        tx.reason));
        // flushed before the other versions are touched: the final-once index sees this row first
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> OutgoingTx.update("state = ?1, reason = ?2, changedAt = ?3 where chainId = ?4 and"
                        + " transferId = ?5 and id <> ?6 and state in ?7", OutgoingTx.State.SUPERSEDED,
                        "version " + tx.txHash + " of the same nonce became final", now, tx.chainId, tx.transferId, tx.id,
                        List.of(OutgoingTx.State.PENDING, OutgoingTx.State.MINED)))
                .chain(() -> event);
    }

    private static Uni<OutgoingTx> finalOf(long chainId, String transferId) {
        return OutgoingTx.<OutgoingTx>find("chainId = ?1 and transferId = ?2 and state in ?3", chainId, transferId,
                List.of(OutgoingTx.State.CONFIRMED, OutgoingTx.State.FAILED)).firstResult();
    }

    /** Keyed by the transfer: its events stay in order on one partition. */
    private <T> Uni<Void> publish(EventType<T> type, OutgoingTx tx, T event) {
        return outbox.add(type.topic(), tx.transferId, type.name(), tx.chainId + ":" + tx.transferId, event)
                .replaceWithVoid();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
