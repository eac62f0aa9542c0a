package com.c2c.chain.outgoing;

import com.c2c.chain.config.ChainConfig;
import com.c2c.chain.outgoing.store.OutgoingTx;
import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.node.ChainNode;
import com.c2c.chain.scan.node.Web3jChainNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks each chain's node, every poll interval, for the receipts of the open outgoing transfers and records what it
 * says ({@link OutgoingTransfers#observe}). One thread per chain, as the scanners (web3j blocks). Several
 * instances may run it at once: each change is a locked, conditional update, and a transfer is final once by a
 * unique index, so the worst case is a wasted receipt call.
 */
@ApplicationScoped
public class OutgoingTransferTracker {
    private static final Logger LOG = Logger.getLogger(OutgoingTransferTracker.class);
    private static final int BATCH = 200;

    private final ChainConfig config;
    private final OutgoingTransfers transfers;
    private final boolean enabled;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Long, AtomicLong> rounds = new ConcurrentHashMap<>();

    OutgoingTransferTracker(ChainConfig config, OutgoingTransfers transfers,
            @ConfigProperty(name = "c2c.chain.outgoing.enabled", defaultValue = "true") boolean enabled) {
        this.config = config;
        this.transfers = transfers;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("following outgoing transfers is off (c2c.chain.outgoing.enabled=false)");
            return;
        }
        config.chains().forEach((name, chain) -> {
            Thread thread = Thread.ofPlatform().name("chain-outgoing-" + name).daemon()
                    .start(() -> follow(name, chain));
            threads.add(thread);
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopped.countDown();
        threads.forEach(Thread::interrupt);
    }

    private void follow(String name, ChainConfig.Chain chain) {
        int failures = 0;
        try (ChainNode node = new Web3jChainNode(chain.rpcUrl(), chain.tokenContract().orElse("0x" + "0".repeat(40)))) {
            while (stopped.getCount() > 0) {
                try {
                    round(name, chain, node);
                    rounds.computeIfAbsent(chain.chainId(), id -> new AtomicLong()).incrementAndGet();
                    failures = 0;
                } catch (Exception e) {
                    if (stopped.getCount() == 0) {
                        break;
                    }
                    if (failures++ % 10 == 0) {
                        LOG.warnf("%s: following outgoing transfers failed (attempt %d), retrying: %s", name, failures,
                                e.toString());
                    }
                }
                if (stopped.await(chain.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many rounds completed on the chain: a test waits for one to pass before saying nothing happened. */
    public long rounds(long chainId) {
        AtomicLong count = rounds.get(chainId);
        return count == null ? 0 : count.get();
    }

    /** One look at every open version of the chain. */
    void round(String name, ChainConfig.Chain chain, ChainNode node) throws Exception {
        List<OutgoingTx> open = db(() -> transfers.open(chain.chainId(), BATCH));
        if (open.isEmpty()) {
            return;
        }
        long head = node.head();
        for (OutgoingTx tx : open) {
            OutgoingTransfers.Seen seen = see(node, tx.txHash, head);
            OutgoingTx.State state = db(() -> transfers.observe(tx.id, chain.confirmations(), seen));
            if (state != null && state != tx.state) {
                LOG.infof("%s: outgoing transfer %s (%s, nonce %d) %s -> %s", name, tx.transferId, tx.txHash, tx.nonce,
                        tx.state, state);
            }
        }
    }

    /** The receipt, if its block is the node's block at that height now (a receipt from a stale view is not). */
    private static OutgoingTransfers.Seen see(ChainNode node, String txHash, long head) throws Exception {
        ChainNode.Receipt receipt = node.receipt(txHash);
        if (receipt == null) {
            return new OutgoingTransfers.Seen.NotMined();
        }
        BlockRef block = node.block(receipt.blockNumber());
        if (block == null || !block.hash().equals(receipt.blockHash()) || receipt.blockNumber() > head) {
            return new OutgoingTransfers.Seen.NotMined();
        }
        return new OutgoingTransfers.Seen.Mined(receipt, head - receipt.blockNumber() + 1);
    }

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
