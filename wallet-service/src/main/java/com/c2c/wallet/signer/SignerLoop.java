package com.c2c.wallet.signer;

import com.c2c.chain.InvalidAddressException;
import com.c2c.chain.evm.EvmAddress;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.wallet.deposit.config.DepositConfig;
import com.c2c.wallet.signer.chain.DepositKeys;
import com.c2c.wallet.signer.chain.EvmNode;
import com.c2c.wallet.signer.chain.SigningKey;
import com.c2c.wallet.signer.store.TransferStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the {@link Signer} every {@code c2c.wallet.signer.poll-interval} on a thread of its own (web3j blocks).
 * At start it reads the hot wallet's key from the keystore (only its address is logged); without a keystore or a
 * token contract the signer is off and says so (readiness reports it, submitted transfers wait as QUEUED). With
 * {@code c2c.wallet.signer.enabled=false} (tests) the key is still read, but passes run only when called.
 */
@ApplicationScoped
public class SignerLoop {
    private static final Logger LOG = Logger.getLogger(SignerLoop.class);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final SignerConfig config;
    private final TransferStore store;
    private final Instance<TransferListener> listeners;
    private volatile Signer signer;
    private volatile EvmNode node;
    /** Why the signer is not signing (null while it is). */
    private volatile String off = "not started";
    private volatile boolean broken;
    private volatile boolean chainChecked;
    private volatile String lastFailure;
    private final Outbox outbox;
    private final DepositConfig deposits;
    /** Why deposit addresses are not swept (null while they are). */
    private volatile String sweepsOff = "not started";
    private Thread thread;
    private CountDownLatch stopped;

    SignerLoop(SignerConfig config, TransferStore store, Instance<TransferListener> listeners, Outbox outbox,
            DepositConfig deposits) {
        this.deposits = deposits;
        this.config = config;
        this.store = store;
        this.listeners = listeners;
        this.outbox = outbox;
    }

    void onStart(@Observes StartupEvent started) {
        if (config.keystore().isEmpty() || config.passwordFile().isEmpty()) {
            disable("no hot-wallet keystore configured (c2c.wallet.signer.keystore and .password-file)");
            return;
        }
        Optional<String> token = config.tokenContract().map(String::strip).filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            disable("no token contract configured (c2c.wallet.signer.token-contract)");
            return;
        }
        SigningKey wallet;
        String tokenAddress;
        try {
            tokenAddress = EvmAddress.parse(token.get()).toLowerCase();
            wallet = SigningKey.load(config.keystore().get(), config.passwordFile().get());
        } catch (InvalidAddressException | IllegalStateException e) {
            broken = true;
            disable("cannot start: " + e.getMessage());
            LOG.error("hot-wallet signer " + off);
            return;
        }
        DepositKeys depositKeys = loadDepositKeys();
        node = new EvmNode(config.rpcUrl(), tokenAddress);
        signer = new Signer(wallet, depositKeys, node, store, listeners.stream().toList(), config, tokenAddress, outbox);
        LOG.infof("hot-wallet signer: hot wallet %s, chain %d at %s, token %s, replace after %s", wallet.address(),
                config.chainId(), config.rpcUrl(), tokenAddress, config.replaceAfter());
        if (!config.enabled()) {
            disable("c2c.wallet.signer.enabled=false (passes run only when called)");
            return;
        }
        start();
    }

    /**
     * The deposit account's keys for sweeps, if a deposit keystore is configured; a keystore that cannot be read or is
     * not the xpub's leaves sweeps off (withdrawals still go) and says why on readiness.
     */
    private DepositKeys loadDepositKeys() {
        if (config.sweep().keystore().isEmpty() || config.sweep().passwordFile().isEmpty()) {
            sweepsOff = "no deposit keystore configured (c2c.wallet.signer.sweep.keystore and .password-file)";
            LOG.info("sweeps are off: " + sweepsOff);
            return null;
        }
        try {
            DepositKeys keys = DepositKeys.load(config.sweep().keystore().get(), config.sweep().passwordFile().get(),
                    deposits.xpub());
            sweepsOff = null;
            LOG.infof("sweeps: %s, deposit addresses with at least %d micro-USDT credited, looked at every %s", keys,
                    config.sweep().minimum(), config.sweep().interval());
            return keys;
        } catch (IllegalStateException | IllegalArgumentException e) {
            sweepsOff = "cannot read the deposit keys: " + e.getMessage();
            LOG.error("sweeps are off: " + sweepsOff);
            return null;
        }
    }

    /** Null while deposit addresses are swept; otherwise why not. */
    public String sweepsOff() {
        return sweepsOff;
    }

    /** Tests: looks for deposit addresses to sweep now, on the calling thread (never an event loop). */
    public void planSweepsNow() throws IOException {
        requireSigner().planSweeps();
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stop();
        if (node != null) {
            node.close();
        }
    }

    /** Starts the background passes (tests that turn the loop on; the service does at start). */
    public synchronized void start() {
        if (signer == null) {
            throw new IllegalStateException("the signer has no key: " + off);
        }
        if (thread != null) {
            return;
        }
        off = null;
        stopped = new CountDownLatch(1);
        CountDownLatch mine = stopped;
        thread = Thread.ofPlatform().name("hot-wallet-signer").daemon().start(() -> run(mine));
    }

    /** Stops the background passes after the one in flight. */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        stopped.countDown();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        if (!broken) {
            off = "stopped";
        }
    }

    /** One pass on the calling thread (tests, with the loop off); never on an event loop. */
    public void passNow() throws IOException {
        requireSigner().pass();
    }

    /** Tests: the next signing commits its nonce and signed transaction, then the pass stops before broadcasting. */
    void stopAfterNextSigning() {
        requireSigner().stopAfterNextSigning();
    }

    /** The hot wallet's address, when its key was read. */
    public Optional<String> hotWallet() {
        return Optional.ofNullable(signer).map(Signer::address);
    }

    /** Null while signing; otherwise why not. */
    public String off() {
        return off;
    }

    /** Configured but unable to sign: an unreadable key, or a node on another chain. */
    public boolean broken() {
        return broken;
    }

    public String lastFailure() {
        return lastFailure;
    }

    private Signer requireSigner() {
        Signer s = signer;
        if (s == null) {
            throw new IllegalStateException("the signer has no key: " + off);
        }
        return s;
    }

    private void run(CountDownLatch stop) {
        int failures = 0;
        while (stop.getCount() > 0) {
            Duration pause = config.pollInterval();
            try {
                checkChain();
                if (broken) {
                    return;
                }
                signer.pass();
                if (failures > 0) {
                    LOG.infof("hot-wallet signer working again after %d failed passes", failures);
                }
                failures = 0;
                lastFailure = null;
            } catch (Exception e) {
                failures++;
                lastFailure = e.toString();
                pause = Duration.ofMillis(Math.min(LONGEST_BACKOFF.toMillis(),
                        config.pollInterval().toMillis() * (1L << Math.min(failures, 6))));
                if (failures % 10 == 1) { // the first failure, then one in ten: not every retry of an outage
                    LOG.warnf("hot-wallet signer pass failed (attempt %d), retrying in %s: %s", failures, pause, e);
                }
            }
            try {
                stop.await(pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The node must be on the configured chain, or every signature would be for the wrong one. */
    private void checkChain() throws IOException {
        if (chainChecked) {
            return;
        }
        long chainId = node.chainId();
        if (chainId != config.chainId()) {
            broken = true;
            disable("the node at " + config.rpcUrl() + " is on chain " + chainId + ", not c2c.wallet.signer.chain-id "
                    + config.chainId());
            LOG.error("hot-wallet signer stopped: " + off);
            return;
        }
        chainChecked = true;
    }

    private void disable(String why) {
        off = why;
        if (!broken) {
            LOG.info("hot-wallet signer is off: " + why);
        }
    }
}
