package com.c2c.wallet.signer;

import com.c2c.chain.token.TokenUnits;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.wallet.OutgoingTransferSigned;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.wallet.signer.chain.EvmNode;
import com.c2c.wallet.signer.chain.DepositKeys;
import com.c2c.wallet.signer.chain.SigningKey;
import com.c2c.wallet.signer.domain.Fees;
import com.c2c.wallet.signer.domain.NodeAnswer;
import com.c2c.wallet.signer.domain.TransferPurpose;
import com.c2c.wallet.signer.domain.TransferState;
import com.c2c.wallet.signer.store.TransferStore;
import com.c2c.wallet.signer.store.TransferStore.SignedVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One pass of the hot-wallet signer over its open transfers (ADR 0014). Blocking (web3j), so it runs on the
 * signer's own thread, never on an event loop; each database step is one transaction.
 * <ol>
 * <li>SIGNED (committed, maybe never broadcast: a crash between commit and broadcast): the same raw transaction
 * is sent again; the node knowing it (accepted, already known, or mined) makes it BROADCAST.</li>
 * <li>BROADCAST: a version with a receipt makes it MINED (status 1) or FAILED (status 0); a latest version the
 * node has forgotten is sent again; one unmined for {@code replace-after} is replaced: same nonce, fee ≥ +12.5 %,
 * every version kept, whichever is mined wins (one nonce can be mined once).</li>
 * <li>Sweeps, every {@code sweep.interval} when the deposit keys are loaded: each deposit address whose credited
 * USDT (its CUSTODY account) is at least {@code sweep.minimum} gets a SWEEP to the hot wallet of what is both credited
 * and there on chain (never a deposit not yet confirmed, never uncredited dust), one at a time per address.</li>
 * <li>QUEUED: if the token's blacklist holds a party (the hot wallet, the destination, a swept deposit address),
 * BLOCKED (no nonce used); a SWEEP whose address cannot pay its gas first gets a GAS top-up from the hot wallet and
 * waits for it; else the next nonce of the sending address (its row locked), signed, and nonce + raw transaction +
 * SIGNED committed together, then broadcast.</li>
 * </ol>
 */
final class Signer {
    private static final Logger LOG = Logger.getLogger(Signer.class);
    static final String HOT_WALLET_BLACKLISTED = "hot-wallet-blacklisted";
    static final String DESTINATION_BLACKLISTED = "destination-blacklisted";
    static final String DEPOSIT_ADDRESS_BLACKLISTED = "deposit-address-blacklisted";
    static final String REVERTED = "reverted";

    private final SigningKey wallet;
    /** The deposit addresses' keys (sweeps); null when no deposit keystore is configured: sweeps wait. */
    private final DepositKeys depositKeys;
    private Instant nextSweepPlan = Instant.EPOCH;
    /**
     * This pass's USDT at the hot wallet not yet promised to a signed, unmined transfer (micro-units); null until a
     * withdrawal needs it. A withdrawal is signed only when it is covered: one signed without the tokens would revert
     * on chain and burn its nonce and gas. Sweeps refill the hot wallet.
     */
    private Long hotWalletSpendable;
    /** Withdrawals already logged as waiting for the hot wallet's USDT (bounded), to log each once. */
    private final Set<String> waitingForFunds = new HashSet<>();
    private final EvmNode node;
    private final TransferStore store;
    private final List<TransferListener> listeners;
    private final SignerConfig config;
    private final String token;
    private final TokenUnits units;
    private final Outbox outbox;
    /** Tests: the next signing commits and then stops, as a process killed before the broadcast would. */
    private volatile boolean stopAfterNextSigning;
    private static final int REFUSALS_PER_LOG = 30;
    private static final int MAX_REMEMBERED_REFUSALS = 1000;
    /** How often the node refused each transaction, to log a refusal that repeats every pass only now and then. */
    private final Map<String, Integer> refusals = new HashMap<>();
    /** Set by the test hook: this pass ends now, as the process would have. */
    private boolean diedAfterSigning;

    Signer(SigningKey wallet, DepositKeys depositKeys, EvmNode node, TransferStore store,
            List<TransferListener> listeners, SignerConfig config, String token, Outbox outbox) {
        this.outbox = outbox;
        this.wallet = wallet;
        this.depositKeys = depositKeys;
        this.node = node;
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.config = config;
        this.token = token;
        this.units = TokenUnits.ofDecimals(config.tokenDecimals());
    }

    String address() {
        return wallet.address();
    }

    void stopAfterNextSigning() {
        stopAfterNextSigning = true;
    }

    /**
     * One pass: resume what was signed, follow what was broadcast, sign what is queued. A node that does not
     * answer ends the pass; a transfer whose database step fails (e.g. its listener) is left for the next pass
     * while the others go on, and the pass then throws that failure.
     */
    void pass() throws IOException {
        RuntimeException failed = null;
        for (TransferView t : db(() -> store.inState(TransferState.SIGNED, config.batchSize()), false)) {
            failed = attempt(t, failed, () -> deliver(t));
        }
        for (TransferView t : db(() -> store.inState(TransferState.BROADCAST, config.batchSize()), false)) {
            failed = attempt(t, failed, () -> follow(t));
        }
        if (depositKeys != null && !Instant.now().isBefore(nextSweepPlan)) {
            nextSweepPlan = Instant.now().plus(config.sweep().interval());
            planSweeps();
        }
        List<TransferView> queued = db(() -> store.inState(TransferState.QUEUED, config.batchSize()), false);
        hotWalletSpendable = null;
        if (!queued.isEmpty()) {
            boolean walletBlacklisted = node.blacklisted(wallet.address());
            for (TransferView t : queued) {
                failed = attempt(t, failed, () -> signAndSend(t, walletBlacklisted));
                if (diedAfterSigning) {
                    diedAfterSigning = false;
                    break;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Queues a SWEEP for each deposit address whose credited USDT is at least {@code sweep.minimum}: the smaller of
     * what the ledger credited there and what the token says is there (a confirmed sweep not yet posted, or a deposit
     * reorged out after crediting, leaves less on chain than credited; dust and unconfirmed deposits are on chain but
     * not credited). At most one sweep per address is on its way (V8's index).
     */
    void planSweeps() throws IOException {
        if (depositKeys == null) {
            throw new IllegalStateException("no deposit keystore: sweeps are off");
        }
        long minimum = config.sweep().minimum();
        for (TransferStore.SweepCandidate c : db(() -> store.sweepCandidates(config.chainId(), minimum,
                config.batchSize()), false)) {
            if (!depositKeys.addressAt(c.index()).equals(c.address())) {
                LOG.errorf("deposit address %s is not index %d of the deposit keystore's account: not swept (is"
                        + " c2c.wallet.deposit.xpub the keystore's?)", c.address(), c.index());
                continue;
            }
            if (c.lastBlocked() != null && stillBlocked(c)) {
                continue; // its last sweep is BLOCKED and the party still blacklisted: no new row every interval
            }
            long amount = Math.min(c.creditedMicros(), wholeMicros(node.tokenBalance(c.address())));
            if (amount < minimum) {
                continue; // what is credited there already left (a sweep mined, not yet final)
            }
            String id = "sweep:" + UUID.randomUUID();
            if (db(() -> store.addSweep(id, config.chainId(), c.address(), c.index(), wallet.address(), amount), true)) {
                LOG.infof("transfer %s QUEUED: sweep of %d micro-units from deposit address %s (index %d) to the hot"
                        + " wallet %s", id, amount, c.address(), c.index(), wallet.address());
            }
        }
    }

    private boolean stillBlocked(TransferStore.SweepCandidate c) throws IOException {
        return switch (c.lastBlocked()) {
            case DEPOSIT_ADDRESS_BLACKLISTED -> node.blacklisted(c.address());
            case HOT_WALLET_BLACKLISTED -> node.blacklisted(wallet.address());
            default -> false;
        };
    }

    /** The whole micro-units in a token amount (a token with more decimals may hold a remainder: it stays). */
    private long wholeMicros(BigInteger baseUnits) {
        BigInteger perMicro = units.toBaseUnits(1);
        BigInteger whole = baseUnits.subtract(baseUnits.mod(perMicro));
        return units.toMicroUnits(whole.min(units.toBaseUnits(Long.MAX_VALUE)));
    }

    /** Whether the hot wallet's USDT, less what signed transfers will take, covers this withdrawal. */
    private boolean hotWalletCovers(TransferView t) throws IOException {
        if (hotWalletSpendable == null) {
            long promised = db(() -> store.unminedTokensFrom(config.chainId(), wallet.address()), false);
            hotWalletSpendable = wholeMicros(node.tokenBalance(wallet.address())) - promised;
        }
        if (hotWalletSpendable >= t.amountMicros()) {
            return true;
        }
        if (waitingForFunds.size() > MAX_REMEMBERED_REFUSALS) {
            waitingForFunds.clear();
        }
        if (waitingForFunds.add(t.id())) {
            LOG.warnf("transfer %s of %d micro-units waits: the hot wallet %s has %d spendable (sweeps of credited"
                    + " deposits refill it); not signed, no nonce used", t.id(), t.amountMicros(), wallet.address(),
                    hotWalletSpendable);
        }
        return false;
    }

    /** Who signs the transfer: the hot wallet, or the swept deposit address's key (null when sweeps are off). */
    private SigningKey keyFor(TransferView t) {
        if (t.purpose() != TransferPurpose.SWEEP) {
            return wallet;
        }
        return depositKeys == null ? null : depositKeys.keyAt(t.sourceIndex());
    }

    /** The token's blacklist holding a party of the transfer, if one does: why it is BLOCKED. */
    private String blacklistedParty(TransferView t, boolean walletBlacklisted) throws IOException {
        return switch (t.purpose()) {
            case WITHDRAWAL -> walletBlacklisted ? HOT_WALLET_BLACKLISTED
                    : node.blacklisted(t.toAddress()) ? DESTINATION_BLACKLISTED : null;
            case SWEEP -> node.blacklisted(t.sourceAddress()) ? DEPOSIT_ADDRESS_BLACKLISTED
                    : walletBlacklisted ? HOT_WALLET_BLACKLISTED : null;
            case GAS -> null; // native coin: the token's blacklist does not apply
        };
    }

    /**
     * Whether the sweep's deposit address holds enough native coin for its gas at {@code fees}; if not, a GAS top-up
     * from the hot wallet (twice the need, for a replacement's higher fee) is queued, once, and the sweep waits.
     */
    private boolean paysItsGas(TransferView t, Fees fees) throws IOException {
        BigInteger need = BigInteger.valueOf(config.gasLimit()).multiply(BigInteger.valueOf(fees.maxFeePerGas()));
        BigInteger have = node.nativeBalance(t.sourceAddress());
        if (have.compareTo(need) >= 0) {
            return true;
        }
        BigInteger topUp = need.multiply(BigInteger.TWO).subtract(have);
        String id = "gas:" + UUID.randomUUID();
        if (db(() -> store.addGas(id, config.chainId(), t.sourceAddress(), topUp), true)) {
            LOG.infof("transfer %s QUEUED: %s wei of gas from the hot wallet to deposit address %s for sweep %s", id,
                    topUp, t.sourceAddress(), t.id());
        }
        return false;
    }

    private void signAndSend(TransferView t, boolean walletBlacklisted) throws IOException {
        String blocked = blacklistedParty(t, walletBlacklisted);
        if (blocked != null) {
            block(t, blocked);
            return;
        }
        SigningKey key = keyFor(t);
        if (key == null) {
            return; // a sweep while no deposit keystore is loaded: it waits for one
        }
        if (t.purpose() == TransferPurpose.SWEEP && !key.address().equals(t.sourceAddress())) {
            LOG.errorf("transfer %s: deposit address %s is not index %d of the deposit keystore's account; not signed",
                    t.id(), t.sourceAddress(), t.sourceIndex());
            return;
        }
        if (t.purpose() == TransferPurpose.WITHDRAWAL && !hotWalletCovers(t)) {
            return;
        }
        Fees fees = node.currentFees(config.maxFeePerGasCap());
        if (t.purpose() == TransferPurpose.SWEEP && !paysItsGas(t, fees)) {
            return;
        }
        Optional<TransferView> signed = sign(t, key, fees);
        if (signed.isPresent() && t.purpose() == TransferPurpose.WITHDRAWAL) {
            hotWalletSpendable -= t.amountMicros();
            waitingForFunds.remove(t.id());
        }
        if (signed.isEmpty()) {
            return;
        }
        if (stopAfterNextSigning) {
            stopAfterNextSigning = false;
            diedAfterSigning = true;
            LOG.infof("transfer %s signed; stopping before its broadcast (test hook)", t.id());
            return;
        }
        deliver(signed.get());
    }

    private interface Step {
        void run() throws IOException;
    }

    private static RuntimeException attempt(TransferView t, RuntimeException failedBefore, Step step) throws IOException {
        try {
            step.run();
            return failedBefore;
        } catch (RuntimeException e) {
            LOG.warnf("transfer %s (%s): %s; tried again on the next pass", t.id(), t.state(), e.toString());
            return failedBefore != null ? failedBefore : e;
        }
    }

    private void block(TransferView t, String reason) {
        TransferView changed = db(() -> store.lockIn(t.id(), TransferState.QUEUED).chain(queued -> !queued
                ? Uni.createFrom().nullItem()
                : store.markBlocked(t.id(), reason).chain(() -> announce(t.id()))), true);
        if (changed != null) {
            LOG.warnf("transfer %s of %d micro-units to %s BLOCKED: %s (the token's blacklist; no nonce used)", t.id(),
                    t.amountMicros(), t.toAddress(), reason);
        }
    }

    /**
     * Every signed version of a withdrawal or sweep is announced with it, in its transaction, so chain-watcher follows
     * each hash the node may mine ({@code OutgoingTransferSigned}) and reports it final; a GAS top-up moves no USDT
     * and is not announced (the signer's own receipt ends it).
     */
    private Uni<Void> announceSigned(TransferView t, SignedVersion v) {
        if (!t.purpose().settled()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.add(Topics.WALLET_EVENTS, t.id(), EventTypes.OUTGOING_TRANSFER_SIGNED, v.chainId() + ":" + v.txHash(),
                new OutgoingTransferSigned(v.chainId(), t.id(), t.purpose().name(), v.txHash(), v.nonce(),
                        v.fromAddress(), t.toAddress(), t.amountMicros())).replaceWithVoid();
    }

    /** The transaction of one version: the token transfer, or for GAS the native coin. */
    private SigningKey.Signed signVersion(TransferView t, SigningKey key, long nonce, Fees fees) {
        return t.purpose() == TransferPurpose.GAS
                ? key.signNativeTransfer(config.chainId(), nonce, t.toAddress(), t.amountWei(), fees)
                : key.signTokenTransfer(config.chainId(), nonce, token, t.toAddress(),
                        units.toBaseUnits(t.amountMicros()), config.gasLimit(), fees);
    }

    private long gasLimit(TransferView t) {
        return t.purpose() == TransferPurpose.GAS ? SigningKey.NATIVE_TRANSFER_GAS : config.gasLimit();
    }

    /** QUEUED → SIGNED: the sender's next nonce, the signed transaction and the state in one transaction. */
    private Optional<TransferView> sign(TransferView t, SigningKey key, Fees fees) throws IOException {
        long mined = node.transactionCount(key.address(), false);
        TransferView signed = db(() -> store.lockIn(t.id(), TransferState.QUEUED).chain(queued -> !queued
                ? Uni.createFrom().nullItem()
                : store.lockNextNonce(config.chainId(), key.address(), mined).chain(nonce -> {
                    SigningKey.Signed tx = signVersion(t, key, nonce, fees);
                    SignedVersion version = new SignedVersion(tx.txHash(), t.id(), 1, config.chainId(), key.address(),
                            nonce, tx.rawTx(), gasLimit(t), fees, null);
                    return store.addVersion(version)
                            .chain(() -> announceSigned(t, version))
                            .chain(() -> store.markSigned(t.id(), key.address(), nonce))
                            .chain(() -> store.setNextNonce(config.chainId(), key.address(), nonce + 1))
                            .chain(() -> announce(t.id()));
                })), true);
        if (signed != null) {
            LOG.infof("transfer %s (%s) of %s to %s SIGNED by %s: nonce %d, tx %s", t.id(), t.purpose(),
                    t.purpose() == TransferPurpose.GAS ? t.amountWei() + " wei" : t.amountMicros() + " micro-units",
                    t.toAddress(), key.address(), signed.nonce(), signed.txHash());
        }
        return Optional.ofNullable(signed);
    }

    /** SIGNED: finished if a version is mined, else the latest version sent (again) until the node has it. */
    private void deliver(TransferView t) throws IOException {
        List<SignedVersion> versions = db(() -> store.versions(t.id()), false);
        if (finishIfMined(t, versions)) {
            return;
        }
        SignedVersion latest = versions.getLast();
        if (broadcast(t, latest)) {
            TransferView changed = db(() -> store.lockIn(t.id(), TransferState.SIGNED).chain(signed -> !signed
                    ? Uni.createFrom().nullItem()
                    : store.markBroadcast(t.id()).chain(() -> announce(t.id()))), true);
            if (changed != null) {
                LOG.infof("transfer %s BROADCAST: tx %s (nonce %d)", t.id(), latest.txHash(), latest.nonce());
            }
        }
    }

    /** BROADCAST: mined → finished; forgotten by the node → sent again; unmined too long → replaced. */
    private void follow(TransferView t) throws IOException {
        List<SignedVersion> versions = db(() -> store.versions(t.id()), false);
        if (finishIfMined(t, versions)) {
            return;
        }
        SignedVersion latest = versions.getLast();
        if (Duration.between(latest.createdAt(), Instant.now()).compareTo(config.replaceAfter()) >= 0) {
            replace(t, latest);
        } else if (!node.knows(latest.txHash())) {
            LOG.infof("transfer %s: the node does not have tx %s (dropped from its pool?); sending it again", t.id(),
                    latest.txHash());
            broadcast(t, latest);
        }
    }

    /** A new version with the same nonce and a fee at least 12.5 % higher, kept with the others, then sent. */
    private void replace(TransferView t, SignedVersion latest) throws IOException {
        SigningKey key = keyFor(t);
        if (key == null || !latest.fromAddress().equals(key.address())) {
            LOG.errorf("transfer %s was signed by %s, whose key this signer does not hold (%s): it cannot be replaced"
                    + " here", t.id(), latest.fromAddress(), key == null ? "no deposit keystore" : key.address());
            return;
        }
        Fees fees = latest.fees().bumped(node.currentFees(config.maxFeePerGasCap()), config.maxFeePerGasCap());
        if (!fees.outbids(latest.fees())) {
            LOG.warnf("transfer %s: tx %s (nonce %d) is not mined and its fee %s is at the ceiling"
                    + " c2c.wallet.signer.max-fee-per-gas-cap; not replaced again", t.id(), latest.txHash(),
                    latest.nonce(), latest.fees());
            return;
        }
        SignedVersion replacement = db(() -> store.lockIn(t.id(), TransferState.BROADCAST).chain(open -> !open
                ? Uni.createFrom().<SignedVersion>nullItem()
                : store.versions(t.id()).chain(now -> {
                    if (now.getLast().version() != latest.version()) {
                        return Uni.createFrom().<SignedVersion>nullItem(); // replaced meanwhile by another signer
                    }
                    SigningKey.Signed tx = signVersion(t, key, latest.nonce(), fees);
                    SignedVersion v = new SignedVersion(tx.txHash(), t.id(), latest.version() + 1, config.chainId(),
                            key.address(), latest.nonce(), tx.rawTx(), gasLimit(t), fees, null);
                    return store.addVersion(v).chain(() -> announceSigned(t, v)).replaceWith(v);
                })), true);
        if (replacement != null) {
            LOG.warnf("transfer %s: tx %s not mined after %s; replaced by version %d, tx %s (same nonce %d, fees %s"
                    + " after %s)", t.id(), latest.txHash(), config.replaceAfter(), replacement.version(),
                    replacement.txHash(), latest.nonce(), fees, latest.fees());
            broadcast(t, replacement);
        }
    }

    /** Sends a version; true when the node has it (accepted, already known, or a nonce used by this very tx). */
    private boolean broadcast(TransferView t, SignedVersion version) throws IOException {
        EvmNode.Sent sent = node.send(version.rawTx());
        if (sent.answer().sent()) {
            return true;
        }
        if (sent.answer() == NodeAnswer.NONCE_USED && node.knows(version.txHash())) {
            return true; // mined already: the receipt finishes it on the next look
        }
        int times = refusals.merge(version.txHash(), 1, Integer::sum);
        if (times % REFUSALS_PER_LOG == 1) { // the first, then one in REFUSALS_PER_LOG: not every pass of an outage
            LOG.warnf("transfer %s: the node refused tx %s (version %d, nonce %d) %d time(s): %s; tried again on the"
                    + " next pass", t.id(), version.txHash(), version.version(), version.nonce(), times, sent.message());
        }
        if (refusals.size() > MAX_REMEMBERED_REFUSALS) {
            refusals.clear(); // bounded: only the log's pace depends on it
        }
        return false;
    }

    /** If a version has a receipt, the transfer is MINED (status 1) or FAILED (status 0) with that version. */
    private boolean finishIfMined(TransferView t, List<SignedVersion> versions) throws IOException {
        for (SignedVersion v : versions) {
            Optional<EvmNode.Receipt> receipt = node.receipt(v.txHash());
            if (receipt.isEmpty()) {
                continue;
            }
            EvmNode.Receipt r = receipt.get();
            TransferState outcome = r.succeeded() ? TransferState.MINED : TransferState.FAILED;
            TransferView changed = db(() -> store.lockIn(t.id(), t.state()).chain(open -> !open
                    ? Uni.createFrom().nullItem()
                    : store.markMined(t.id(), outcome, v.txHash(), r.block(), r.succeeded() ? null : REVERTED)
                            .chain(() -> announce(t.id()))), true);
            if (changed != null) {
                if (r.succeeded()) {
                    LOG.infof("transfer %s MINED: tx %s (version %d of %d, nonce %d) in block %d", t.id(), v.txHash(),
                            v.version(), versions.size(), v.nonce(), r.block());
                } else {
                    LOG.errorf("transfer %s FAILED: tx %s (nonce %d) reverted in block %d", t.id(), v.txHash(),
                            v.nonce(), r.block());
                }
            }
            return true;
        }
        return false;
    }

    /** The transfer as changed, told to every listener in the same transaction. */
    private Uni<TransferView> announce(String id) {
        return store.find(id).call(view -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (TransferListener listener : listeners) {
                all = all.chain(() -> listener.changed(view));
            }
            return all;
        });
    }

    /** Runs a database pipeline on a Vert.x context of its own and waits for it (this thread is no event loop). */
    private static <T> T db(Supplier<Uni<T>> work, boolean transaction) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> transaction ? Panache.withTransaction(work)
                    : Panache.withSession(work));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
