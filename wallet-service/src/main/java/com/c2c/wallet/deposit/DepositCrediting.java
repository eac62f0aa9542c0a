package com.c2c.wallet.deposit;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.chain.ConfirmedDepositReorged;
import com.c2c.events.chain.DepositConfirmed;
import com.c2c.events.chain.DepositDetected;
import com.c2c.events.chain.DepositReverted;
import com.c2c.events.wallet.FundsCredited;
import com.c2c.platform.messaging.consumer.PoisonEvent;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.wallet.deposit.config.DepositConfig;
import com.c2c.wallet.deposit.domain.ChainReport;
import com.c2c.wallet.deposit.domain.DepositLifecycle;
import com.c2c.wallet.deposit.domain.DepositRules;
import com.c2c.wallet.deposit.domain.DepositState;
import com.c2c.wallet.deposit.domain.DepositStep;
import com.c2c.wallet.deposit.store.Deposit;
import com.c2c.wallet.deposit.store.DepositAddress;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Applies chain-watcher's reports of deposits, inside the consumer's transaction: records each deposit, and
 * credits a confirmed one once (CUSTODY of its address → the owner's AVAILABLE, command id
 * {@code deposit:<chain>:<tx>:<log index>}). What each report does is {@link DepositLifecycle}'s decision; the
 * owner is the one the wallet gave the address to, whatever the report says.
 */
@ApplicationScoped
public class DepositCrediting {
    private static final Logger LOG = Logger.getLogger(DepositCrediting.class);
    public static final String ASSET = "USDT";
    public static final String UNCREDITED_METRIC = "c2c.wallet.deposits.uncredited";
    public static final String REORGED_METRIC = "c2c.wallet.deposits.reorged.after.credit";
    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    private final DepositConfig config;
    private final Ledger ledger;
    private final Outbox outbox;
    private final MeterRegistry meters;

    DepositCrediting(DepositConfig config, Ledger ledger, Outbox outbox, MeterRegistry meters) {
        this.config = config;
        this.ledger = ledger;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** One report, read from any of the four events. */
    private record Report(ChainReport kind, Deposit.Key key, String toAddress, String tokenContract, long amountMicros,
            long blockNumber, String blockHash, String reportedOwner) {
    }

    public Uni<Void> detected(DepositDetected e) {
        return apply(report(ChainReport.DETECTED, e.chainId(), e.txHash(), e.logIndex(), e.toAddress(), e.tokenContract(),
                e.amountMicros(), e.blockNumber(), e.blockHash(), e.ownerId()));
    }

    public Uni<Void> confirmed(DepositConfirmed e) {
        return apply(report(ChainReport.CONFIRMED, e.chainId(), e.txHash(), e.logIndex(), e.toAddress(), e.tokenContract(),
                e.amountMicros(), e.blockNumber(), e.blockHash(), e.ownerId()));
    }

    public Uni<Void> reverted(DepositReverted e) {
        return apply(report(ChainReport.REVERTED, e.chainId(), e.txHash(), e.logIndex(), e.toAddress(), null,
                e.amountMicros(), e.blockNumber(), e.blockHash(), e.ownerId()));
    }

    public Uni<Void> reorged(ConfirmedDepositReorged e) {
        return apply(report(ChainReport.REORGED_AFTER_CONFIRMATION, e.chainId(), e.txHash(), e.logIndex(), e.toAddress(),
                null, e.amountMicros(), e.blockNumber(), e.blockHash(), e.ownerId()));
    }

    /** The report in the stored form (lower-case hex); content no deposit can have is poison, never a stall. */
    private static Report report(ChainReport kind, long chainId, String txHash, int logIndex, String toAddress,
            String tokenContract, long amountMicros, long blockNumber, String blockHash, String ownerId) {
        String tx = hex(txHash, HASH, "txHash");
        String to = hex(toAddress, ADDRESS, "toAddress");
        String block = hex(blockHash, HASH, "blockHash");
        String token = tokenContract == null ? null : hex(tokenContract, ADDRESS, "tokenContract");
        if (chainId <= 0 || logIndex < 0 || blockNumber < 0 || amountMicros <= 0) {
            throw PoisonEvent.invalid("deposit report with chainId " + chainId + ", logIndex " + logIndex + ", block "
                    + blockNumber + ", amountMicros " + amountMicros);
        }
        return new Report(kind, new Deposit.Key(chainId, tx, logIndex), to, token, amountMicros, blockNumber, block,
                ownerId);
    }

    private static String hex(String value, Pattern form, String field) {
        String lower = value == null ? null : value.toLowerCase(Locale.ROOT);
        if (lower == null || !form.matcher(lower).matches()) {
            throw PoisonEvent.invalid(field + " is not " + form.pattern() + ": " + value);
        }
        return lower;
    }

    private Uni<Void> apply(Report report) {
        return DepositAddress.<DepositAddress>find("key.chainId = ?1 and address = ?2", report.key().chainId(),
                        report.toAddress()).firstResult()
                .chain(address -> Deposit.<Deposit>findById(report.key())
                        .chain(deposit -> decide(report, address == null ? null : address.key.ownerId(), deposit)));
    }

    private Uni<Void> decide(Report report, String owner, Deposit deposit) {
        if (owner != null && report.reportedOwner() != null && !owner.equals(report.reportedOwner())) {
            LOG.warnf("deposit %s to %s: chain-watcher names owner %s, the wallet gave the address to %s (credited to"
                    + " the wallet's owner)", report.key().creditCommandId(), report.toAddress(), report.reportedOwner(), owner);
        }
        String refusal = rules(report.key().chainId()).refusal(
                report.tokenContract() != null ? report.tokenContract() : deposit == null ? null : deposit.tokenContract,
                report.amountMicros(), owner);
        DepositStep step = DepositLifecycle.next(deposit == null ? null : deposit.state,
                deposit == null ? null : deposit.blockHash, report.kind(), report.blockHash(), refusal);
        signal(report, owner, step);
        if (!step.changes()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Deposit row = deposit != null ? deposit : newDeposit(report, now);
        boolean wasCredited = row.state != null && row.state.credited();
        row.state = step.next();
        row.reason = step.reason();
        row.changedAt = now;
        if (!wasCredited) {
            // what the chain says now; a credited deposit keeps the owner and amount it was credited with
            row.ownerId = owner;
            row.amountMicros = report.amountMicros();
        }
        if (report.tokenContract() != null) {
            row.tokenContract = report.tokenContract();
        }
        if (report.kind() == ChainReport.DETECTED || report.kind() == ChainReport.CONFIRMED) {
            row.blockNumber = report.blockNumber();
            row.blockHash = report.blockHash();
        }
        if (!step.credit()) {
            return row.persist().replaceWithVoid();
        }
        row.creditedAt = now;
        return row.persist().call(() -> credit(row)).replaceWithVoid();
    }

    private static Deposit newDeposit(Report report, Instant now) {
        Deposit row = new Deposit();
        row.key = report.key();
        row.toAddress = report.toAddress();
        row.blockNumber = report.blockNumber();
        row.blockHash = report.blockHash();
        row.detectedAt = now;
        return row;
    }

    /** CUSTODY of the address (the platform's holdings there, a contra account) → the owner's AVAILABLE, once. */
    private Uni<Void> credit(Deposit row) {
        String commandId = row.key.creditCommandId();
        List<Leg> legs = List.of(new Leg(custodyOwner(row.key.chainId(), row.toAddress), AccountKind.CUSTODY, -row.amountMicros),
                new Leg(row.ownerId, AccountKind.AVAILABLE, row.amountMicros));
        return ledger.post(commandId, "DEPOSIT_CREDIT", ASSET, legs).chain(posted -> {
            if (!posted.created()) {
                return Uni.createFrom().voidItem(); // credited before (a replay): nothing moves, nothing is announced
            }
            UUID creditId = UUID.nameUUIDFromBytes(commandId.getBytes(StandardCharsets.UTF_8));
            return outbox.add(Topics.WALLET_EVENTS, row.ownerId, EventTypes.FUNDS_CREDITED, creditId.toString(),
                    new FundsCredited(creditId, row.ownerId, ASSET, row.amountMicros, commandId)).replaceWithVoid();
        });
    }

    /** The owner of a deposit address's CUSTODY account (ADR 0014 sweeps move between such accounts). */
    public static String custodyOwner(long chainId, String address) {
        return "custody:" + chainId + ":" + address;
    }

    private DepositRules rules(long chainId) {
        return new DepositRules(config.tokenContract(chainId).orElse(null), config.minimum());
    }

    private void signal(Report report, String owner, DepositStep step) {
        String id = report.key().creditCommandId();
        switch (step.signal()) {
            case UNCREDITED -> {
                meters.counter(UNCREDITED_METRIC, "chain", Long.toString(report.key().chainId()), "reason",
                        DepositRules.code(step.reason())).increment();
                LOG.warnf("deposit %s of %d micro-USDT to %s (owner %s) is not credited: %s", id, report.amountMicros(),
                        report.toAddress(), owner, step.reason());
            }
            case REORGED_AFTER_CREDIT -> {
                meters.counter(REORGED_METRIC, "chain", Long.toString(report.key().chainId())).increment();
                LOG.errorf("deposit %s of %d micro-USDT to %s (owner %s) was credited and its block %s left the chain:"
                        + " nothing is debited automatically; an operator decides (docs/operations.md, \"A deposit"
                        + " reorged after credit\")", id, report.amountMicros(), report.toAddress(), owner,
                        report.blockHash());
            }
            case STALE -> LOG.infof("deposit %s: %s report changes nothing (%s)", id, report.kind(), step.reason());
            case NONE -> {
            }
        }
    }
}
