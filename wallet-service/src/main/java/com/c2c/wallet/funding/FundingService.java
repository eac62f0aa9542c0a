package com.c2c.wallet.funding;

import com.c2c.platform.messaging.audit.AuditTrail;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.UsdtAmount;
import com.c2c.events.wallet.FundsCredited;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.web.ProblemException;
import com.c2c.wallet.funding.api.CreditRequest;
import com.c2c.wallet.funding.store.FundingCredit;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import com.c2c.wallet.ledger.AdvisoryLock;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import com.c2c.wallet.ledger.domain.PlatformOwner;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Development funding: credits USDT to an owner's available balance, as a balanced posting from the
 * platform's external-funding contra account. Idempotent by reference: repeating a credit
 * returns the first one and moves nothing; reusing a reference for a different credit is a 409.
 */
@ApplicationScoped
public class FundingService {
    private final Outbox outbox;
    private final Ledger ledger;
    private final AuditTrail audit;

    FundingService(Outbox outbox, Ledger ledger, AuditTrail audit) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.audit = audit;
    }

    public record Outcome(FundingCredit credit, boolean created) {
    }

    @WithTransaction
    public Uni<Outcome> credit(String adminId, CreditRequest request) {
        if (!"USDT".equals(request.asset())) {
            throw ProblemException.invalidField("asset", "must be USDT");
        }
        long micros;
        try {
            micros = UsdtAmount.toMicros(request.amount());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("amount", e.getMessage());
        }
        // Credits with one reference wait for each other here, so the second of two at once finds the first
        // (the same credit again: 200; another: 409) instead of failing on the unique reference (a 500).
        return AdvisoryLock.hold("funding-credit:" + request.reference())
                .chain(() -> FundingCredit.<FundingCredit>find("reference", request.reference()).<FundingCredit>firstResult())
                .chain((FundingCredit existing) -> existing != null
                        ? Uni.createFrom().item(sameOrConflict(existing, request.ownerId(), micros))
                        : create(adminId, request, micros));
    }

    private Uni<Outcome> create(String adminId, CreditRequest request, long micros) {
        FundingCredit credit = new FundingCredit();
        credit.id = UUID.randomUUID();
        credit.reference = request.reference();
        credit.ownerId = request.ownerId();
        credit.asset = request.asset();
        credit.amountMicros = micros;
        credit.creditedBy = adminId;
        credit.kind = "ADMIN_DEV_CREDIT";
        credit.createdAt = Instant.now();
        FundsCredited event = new FundsCredited(credit.id, credit.ownerId, credit.asset, micros, credit.reference);
        List<Leg> legs = List.of(new Leg(PlatformOwner.ID, AccountKind.EXTERNAL_FUNDING, -micros),
                new Leg(credit.ownerId, AccountKind.AVAILABLE, micros));
        return credit.<FundingCredit>persist()
                .call(() -> ledger.post("funding-credit:" + credit.reference, "FUNDING_CREDIT", credit.asset, legs))
                .call(() -> outbox.add(Topics.WALLET_EVENTS, credit.ownerId, EventTypes.FUNDS_CREDITED,
                        credit.id.toString(), event))
                .call(() -> audit.record(adminId, "wallet.credit", credit.ownerId,
                        UsdtAmount.fromMicros(micros).stripTrailingZeros().toPlainString() + " " + credit.asset + ", reference "
                                + credit.reference))
                .map(c -> new Outcome(c, true));
    }

    private static Outcome sameOrConflict(FundingCredit existing, String ownerId, long micros) {
        if (!existing.ownerId.equals(ownerId) || existing.amountMicros != micros) {
            throw ProblemException.conflict("reference-reused",
                    "reference " + existing.reference + " was already used for a different credit");
        }
        return new Outcome(existing, false);
    }
}
