package com.c2c.wallet.custody;

import com.c2c.platform.web.ProblemException;
import com.c2c.wallet.custody.api.CustodyReportView;
import com.c2c.wallet.custody.api.CustodyReportView.AddressCustodyView;
import com.c2c.wallet.custody.api.CustodyReportView.ChainCustodyView;
import com.c2c.wallet.custody.api.CustodyReportView.HotWalletView;
import com.c2c.wallet.custody.api.CustodyReportView.InFlightView;
import com.c2c.wallet.custody.api.CustodyReportView.LedgerSideView;
import com.c2c.wallet.custody.api.CustodyReportView.OutgoingTransferView;
import com.c2c.wallet.custody.chain.ChainBalances;
import com.c2c.wallet.custody.config.CustodyConfig;
import com.c2c.wallet.custody.store.CustodyLedger;
import com.c2c.wallet.custody.store.CustodyLedger.InFlightTransfers;
import com.c2c.wallet.custody.store.CustodyLedger.NotInLedger;
import com.c2c.wallet.deposit.config.DepositConfig;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.signer.SignerConfig;
import com.c2c.wallet.signer.SignerLoop;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;

/**
 * Builds the custody report: for each chain with a token, every platform address's {@code balanceOf} at one block
 * beside the ledger's CUSTODY of that address, the transfers on chain the ledger does not hold (uncredited,
 * pending) and the signer's transfers in flight; and the ledger's side, what users and fees add up to.
 *
 * <p>Invariant it shows: per chain, onChain = ledgerCustody + uncredited once nothing is in flight (a pending deposit
 * is on chain before the ledger; a mined transfer leaves the chain before its confirmation settles the ledger).
 * Runs on a worker thread (web3j and the awaits block); a node that does not answer in time is a 503 naming
 * the chain, never a hang.
 */
@ApplicationScoped
public class CustodyReports {
    private static final Logger LOG = Logger.getLogger(CustodyReports.class);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);
    private static final int NATIVE_DECIMALS = 18;
    private static final int LEDGER_SCALE = 6;
    static final String HOT_WALLET = "HOT_WALLET";
    static final String DEPOSIT = "DEPOSIT";
    static final String OTHER = "OTHER";

    private final CustodyConfig config;
    private final DepositConfig deposits;
    private final SignerConfig signerConfig;
    private final SignerLoop signer;
    private final CustodyLedger ledger;
    /** One HTTP client (its connection pool and threads) and one scheduler for every report's node reads. */
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;

    CustodyReports(CustodyConfig config, DepositConfig deposits, SignerConfig signerConfig, SignerLoop signer,
            CustodyLedger ledger) {
        this.config = config;
        this.deposits = deposits;
        this.signerConfig = signerConfig;
        this.signer = signer;
        this.ledger = ledger;
        this.http = ChainBalances.http(config.nodeTimeout());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("custody-web3j").daemon()
                .factory());
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The report, built on a worker thread. */
    public Uni<CustodyReportView> report() {
        return Uni.createFrom().item(this::build).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    CustodyReportView build() {
        Instant at = Instant.now();
        List<ChainCustodyView> chains = new ArrayList<>();
        long uncredited = 0;
        for (long chainId : chainIds()) {
            Optional<String> token = token(chainId);
            if (token.isEmpty()) {
                continue; // nothing is credited on a chain without a token: no custody to report
            }
            ChainRead read = chain(chainId, token.get());
            chains.add(read.view());
            uncredited += read.uncreditedMicros();
        }
        Map<String, Long> kinds = await(ledger.balancesByKind());
        long available = kinds.getOrDefault(AccountKind.AVAILABLE.name(), 0L);
        long reserved = kinds.getOrDefault(AccountKind.RESERVED.name(), 0L);
        long locked = kinds.getOrDefault(AccountKind.LOCKED.name(), 0L);
        long withdrawing = kinds.getOrDefault(AccountKind.WITHDRAWING.name(), 0L);
        long users = available + reserved + locked + withdrawing;
        long fees = kinds.getOrDefault(AccountKind.FEES.name(), 0L);
        long custody = -kinds.getOrDefault(AccountKind.CUSTODY.name(), 0L);
        long external = -kinds.getOrDefault(AccountKind.EXTERNAL_FUNDING.name(), 0L);
        LedgerSideView side = new LedgerSideView(usdt(users), usdt(available), usdt(reserved), usdt(locked),
                usdt(withdrawing), usdt(fees), usdt(uncredited), usdt(users + fees + uncredited), usdt(custody),
                usdt(external), custody + external == users + fees);
        return new CustodyReportView(at, CustodyLedger.ASSET, chains.stream().allMatch(ChainCustodyView::reconciled),
                chains, side);
    }

    /** The chains a deposit address may be asked for, and the signer's. */
    private TreeSet<Long> chainIds() {
        TreeSet<Long> ids = new TreeSet<>(deposits.supportedChainIds());
        ids.add(signerConfig.chainId());
        return ids;
    }

    private Optional<String> token(long chainId) {
        Optional<String> token = deposits.tokenContract(chainId);
        if (token.isEmpty() && chainId == signerConfig.chainId()) {
            token = signerConfig.tokenContract().map(String::strip).filter(t -> !t.isEmpty())
                    .map(t -> t.toLowerCase(Locale.ROOT));
        }
        return token;
    }

    private String rpcUrl(long chainId) {
        return config.rpcUrl(chainId).or(() -> chainId == signerConfig.chainId()
                        ? Optional.of(signerConfig.rpcUrl()) : Optional.empty())
                .orElseThrow(() -> ProblemException.unavailable("chain " + chainId + ": no node configured"
                        + " (c2c.wallet.custody.rpc-urls." + chainId + ")"));
    }

    private int tokenDecimals(long chainId) {
        return chainId == signerConfig.chainId() ? signerConfig.tokenDecimals() : LEDGER_SCALE;
    }

    /** One chain's reading, and its uncredited sum for the ledger's side. */
    private record ChainRead(ChainCustodyView view, long uncreditedMicros) {
    }

    /** One address's figures while the chain is read. */
    private static final class Holding {
        final String address;
        final String role;
        final String ownerId;
        BigDecimal onChain = BigDecimal.ZERO;
        long ledger;
        long uncredited;
        long pending;

        Holding(String address, String role, String ownerId) {
            this.address = address;
            this.role = role;
            this.ownerId = ownerId;
        }

        BigDecimal difference() {
            return onChain.subtract(micros(ledger)).subtract(micros(uncredited));
        }

        boolean anything() {
            return onChain.signum() != 0 || ledger != 0 || uncredited != 0 || pending != 0;
        }

        AddressCustodyView view() {
            return new AddressCustodyView(address, role, ownerId, plain(onChain), usdt(ledger), usdt(uncredited),
                    usdt(pending), plain(difference()));
        }
    }

    private ChainRead chain(long chainId, String token) {
        String url = rpcUrl(chainId);
        long deadline = System.nanoTime() + config.chainTimeout().toNanos();
        int decimals = tokenDecimals(chainId);
        Map<String, Long> custody = await(ledger.custodyByAddress(chainId));
        Map<String, NotInLedger> notInLedger = await(ledger.notInLedger(chainId, token));
        InFlightTransfers inFlight = await(ledger.inFlight(chainId, config.inFlightListLimit()));
        String hot = signer.hotWallet().filter(a -> chainId == signerConfig.chainId())
                .map(a -> a.toLowerCase(Locale.ROOT)).orElse(null);

        ChainBalances node = new ChainBalances(url, token, http, scheduler);
        try {
            long block = node.latestBlock();
            Totals totals = new Totals(config.listLimit());
            // the deposit addresses, a page at a time: one database page, one JSON-RPC batch
            int after = -1;
            while (true) {
                List<CustodyLedger.Address> page = await(ledger.depositAddresses(chainId, after, config.batchSize()));
                if (page.isEmpty()) {
                    break;
                }
                List<Holding> holdings = new ArrayList<>(page.size());
                for (CustodyLedger.Address a : page) {
                    holdings.add(new Holding(a.address(), a.address().equals(hot) ? HOT_WALLET : DEPOSIT, a.ownerId()));
                }
                read(node, holdings, block, decimals, custody, notInLedger, totals);
                after = page.getLast().index();
                requireWithin(deadline, chainId, url, totals.read);
            }
            // the hot wallet and any other address the ledger has custody at (one that is no deposit address)
            Map<String, Holding> rest = new LinkedHashMap<>();
            if (hot != null && !totals.seen.contains(hot)) {
                rest.put(hot, new Holding(hot, HOT_WALLET, null));
            }
            for (String address : custody.keySet()) {
                if (!totals.seen.contains(address) && !rest.containsKey(address)) {
                    rest.put(address, new Holding(address, OTHER, null));
                }
            }
            List<Holding> others = new ArrayList<>(rest.values());
            for (int from = 0; from < others.size(); from += config.batchSize()) {
                read(node, others.subList(from, Math.min(others.size(), from + config.batchSize())), block, decimals,
                        custody, notInLedger, totals);
                requireWithin(deadline, chainId, url, totals.read);
            }
            HotWalletView hotView = hotWallet(node, hot, block, totals);
            BigDecimal difference = totals.onChain.subtract(micros(totals.ledger)).subtract(micros(totals.uncredited));
            InFlightView flight = new InFlightView(inFlight.count(), usdt(inFlight.totalMicros()),
                    inFlight.listed().stream().map(t -> new OutgoingTransferView(t.transferId(), t.state(),
                            t.fromAddress(), t.toAddress(), usdt(t.amountMicros()), t.txHash(), t.signedAt())).toList(),
                    totals.pendingCount(notInLedger), usdt(totals.pending));
            boolean reconciled = difference.signum() == 0 && inFlight.count() == 0 && totals.pending == 0;
            return new ChainRead(new ChainCustodyView(chainId, token, block, hotView, plain(totals.onChain),
                    usdt(totals.ledger), usdt(totals.uncredited), plain(difference), flight, totals.read,
                    totals.listed.stream().map(Holding::view).toList(), totals.notListed, reconciled),
                    totals.uncredited);
        } catch (IOException e) {
            LOG.warnf("custody report: chain %d's node at %s did not answer: %s", chainId, url, e.toString());
            throw ProblemException.unavailable("chain " + chainId + ": the node did not answer the custody report's"
                    + " balance reads (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); try again", 30);
        }
    }

    private HotWalletView hotWallet(ChainBalances node, String hot, long block, Totals totals) throws IOException {
        if (hot == null) {
            return new HotWalletView(null, null, null, null, config.gasWarningBelow().toPlainString(), false);
        }
        Holding h = totals.hot;
        BigDecimal gas = new BigDecimal(node.nativeBalance(hot, block), NATIVE_DECIMALS);
        return new HotWalletView(hot, plain(h.onChain), usdt(h.ledger), gas.stripTrailingZeros().toPlainString(),
                config.gasWarningBelow().toPlainString(), gas.compareTo(config.gasWarningBelow()) < 0);
    }

    /** Reads one batch of balances and adds each address to the chain's totals. */
    private static void read(ChainBalances node, List<Holding> holdings, long block, int decimals,
            Map<String, Long> custody, Map<String, NotInLedger> notInLedger, Totals totals) throws IOException {
        List<BigInteger> balances = node.tokenBalances(holdings.stream().map(h -> h.address).toList(), block);
        for (int i = 0; i < holdings.size(); i++) {
            Holding h = holdings.get(i);
            h.onChain = new BigDecimal(balances.get(i), decimals);
            h.ledger = custody.getOrDefault(h.address, 0L);
            NotInLedger waiting = notInLedger.get(h.address);
            if (waiting != null) {
                h.uncredited = waiting.uncredited();
                h.pending = waiting.pending();
            }
            totals.add(h);
        }
    }

    private static void requireWithin(long deadline, long chainId, String url, int read) {
        if (System.nanoTime() > deadline) {
            throw ProblemException.unavailable("chain " + chainId + ": reading the balances of " + read
                    + " addresses took longer than c2c.wallet.custody.chain-timeout; try again", 30);
        }
    }

    /** A chain's sums while its addresses are read. */
    private static final class Totals {
        private final int listLimit;
        final Set<String> seen = new HashSet<>();
        final List<Holding> listed = new ArrayList<>();
        BigDecimal onChain = BigDecimal.ZERO;
        long ledger;
        long uncredited;
        long pending;
        int read;
        int notListed;
        Holding hot;

        Totals(int listLimit) {
            this.listLimit = listLimit;
        }

        void add(Holding h) {
            seen.add(h.address);
            read++;
            onChain = onChain.add(h.onChain);
            ledger += h.ledger;
            uncredited += h.uncredited;
            pending += h.pending;
            if (HOT_WALLET.equals(h.role)) {
                hot = h;
            }
            if (h.anything() || HOT_WALLET.equals(h.role)) {
                if (listed.size() < listLimit) {
                    listed.add(h);
                } else {
                    notListed++;
                }
            }
        }

        /** How many pending deposits are at the addresses read. */
        long pendingCount(Map<String, NotInLedger> notInLedger) {
            return notInLedger.entrySet().stream().filter(e -> seen.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().pendingCount()).sum();
        }
    }

    private static <T> T await(Uni<T> read) {
        return read.await().atMost(DATABASE_TIMEOUT);
    }

    private static BigDecimal micros(long micros) {
        return BigDecimal.valueOf(micros, LEDGER_SCALE);
    }

    private static String usdt(long micros) {
        return micros(micros).toPlainString();
    }

    /** An exact decimal with at least the ledger's 6 places (a token with more decimals keeps them all). */
    private static String plain(BigDecimal amount) {
        return amount.scale() >= LEDGER_SCALE ? amount.toPlainString() : amount.setScale(LEDGER_SCALE).toPlainString();
    }
}
