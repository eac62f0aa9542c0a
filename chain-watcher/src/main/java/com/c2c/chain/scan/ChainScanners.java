package com.c2c.chain.scan;

import com.c2c.chain.config.ChainConfig;
import com.c2c.chain.scan.node.Web3jChainNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One {@link ChainScanner} per configured chain that names its token contract, started with the service
 * and stopped with it. A chain without a token contract is listed (so its addresses can be watched) but not
 * scanned; that is said once, at start.
 */
@ApplicationScoped
public class ChainScanners {
    private static final Logger LOG = Logger.getLogger(ChainScanners.class);

    private final ChainConfig config;
    private final StepWriter writer;
    private final Pool pool;
    private final boolean enabled;
    private final Map<Long, ChainStatus> statuses = new LinkedHashMap<>();
    private final List<ChainScanner> scanners = new ArrayList<>();

    ChainScanners(ChainConfig config, StepWriter writer, Pool pool, MeterRegistry meters,
            @ConfigProperty(name = "c2c.chain.scan-enabled", defaultValue = "true") boolean enabled) {
        this.config = config;
        this.writer = writer;
        this.pool = pool;
        this.enabled = enabled;
        Map<Long, String> names = new HashMap<>();
        config.chains().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ChainConfig.Chain chain = entry.getValue();
            String other = names.putIfAbsent(chain.chainId(), entry.getKey());
            if (other != null) {
                throw new IllegalStateException("chains " + other + " and " + entry.getKey() + " have the same chain id "
                        + chain.chainId());
            }
            if (chain.confirmations() < 1 || chain.maxRange() < 1) {
                throw new IllegalStateException("chain " + entry.getKey() + ": confirmations and max-range must be >= 1");
            }
            statuses.put(chain.chainId(), new ChainStatus(entry.getKey(), chain.chainId(), chain.confirmations(),
                    token(entry.getKey(), chain).orElse(null), meters));
        });
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("chain scanning is disabled (c2c.chain.scan-enabled=false)");
            return;
        }
        startScanning();
    }

    void stop(@Observes ShutdownEvent event) {
        stopScanning();
    }

    /** Starts a new scanner per scanned chain, each from its stored cursor (as at a process start). */
    synchronized void startScanning() {
        if (!scanners.isEmpty()) {
            throw new IllegalStateException("already scanning");
        }
        config.chains().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ChainStatus status = statuses.get(entry.getValue().chainId());
            if (!status.scanning()) {
                LOG.warnf("chain %s (%d) has no token contract configured (c2c.chain.chains.%s.token-contract):"
                        + " it is not scanned", entry.getKey(), status.chainId(), entry.getKey());
                return;
            }
            ChainConfig.Chain chain = entry.getValue();
            ScannedChain scanned = ScannedChain.of(entry.getKey(), chain, status.tokenContract());
            ChainScanner scanner = new ChainScanner(scanned, new Web3jChainNode(chain.rpcUrl(), scanned.tokenContract()),
                    writer, new ScanLock(pool, chain.chainId()), status, chain.pollInterval(), chain.maxRange(),
                    chain.startBlock());
            scanners.add(scanner);
            scanner.start();
        });
    }

    /** For tests of a crash: stops every scanner at once, wherever it is (see {@link ChainScanner#kill()}). */
    synchronized void killScanning() {
        scanners.forEach(ChainScanner::kill);
        scanners.clear();
    }

    /** Stops every scanner after its step in flight and drops it with all it held in memory. */
    synchronized void stopScanning() {
        scanners.forEach(ChainScanner::stop);
        scanners.clear();
    }

    /** Every configured chain's status, by chain id. */
    public List<ChainStatus> statuses() {
        return statuses.values().stream().sorted(Comparator.comparingLong(ChainStatus::chainId)).toList();
    }

    public Optional<ChainStatus> status(long chainId) {
        return Optional.ofNullable(statuses.get(chainId));
    }

    private static Optional<String> token(String name, ChainConfig.Chain chain) {
        return chain.tokenContract().map(String::strip).filter(t -> !t.isEmpty()).map(t -> {
            try {
                return chain.addressFormat().contractHex(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("chain " + name + ": token-contract " + e.getMessage());
            }
        });
    }
}
