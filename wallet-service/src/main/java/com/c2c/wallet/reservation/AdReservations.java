package com.c2c.wallet.reservation;

import com.c2c.events.EventTypes;
import com.c2c.events.UsdtAmount;
import com.c2c.events.order.AdPosted;
import com.c2c.events.wallet.AdFundsRejected;
import com.c2c.events.wallet.AdFundsReserved;
import com.c2c.wallet.command.CommandOutcomes;
import com.c2c.wallet.command.domain.Outcome;
import com.c2c.wallet.command.domain.WalletCommand;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reserves a SELL ad's USDT (available → reserved) so the ad never offers USDT that is not held, and
 * answers AdFundsReserved or AdFundsRejected. Runs inside the consumer's transaction. Decided once per ad
 * (command id {@code reserve-ad:<adId>}): the outcome is recorded like a wallet command's, so the ad posted
 * again under a new event id changes nothing — a rejected ad stays rejected even once the funds are there,
 * since its owner was already told — and the same ad id with other content is refused and counted.
 */
@ApplicationScoped
public class AdReservations {
    static final String ASSET = "USDT";

    private final Ledger ledger;
    private final CommandOutcomes outcomes;

    AdReservations(Ledger ledger, CommandOutcomes outcomes) {
        this.ledger = ledger;
        this.outcomes = outcomes;
    }

    public Uni<Void> reserve(AdPosted ad) {
        if (!"SELL".equals(ad.side())) {
            return Uni.createFrom().voidItem(); // a BUY ad holds no USDT; the taker's is reserved when they sell
        }
        String commandId = "reserve-ad:" + ad.adId();
        // Ads reserved before outcomes were recorded for them have only their posting: already answered.
        return ledger.posted(commandId).chain(done -> done ? Uni.createFrom().voidItem() : reserveOnce(ad, commandId));
    }

    private Uni<Void> reserveOnce(AdPosted ad, String commandId) {
        WalletCommand command = new WalletCommand(commandId, EventTypes.AD_POSTED, ad.adId(), ad.ownerId(),
                ad.quantityMicros());
        List<Leg> legs = command.moves(AccountKind.AVAILABLE, AccountKind.RESERVED);
        return outcomes.decideOnce(command, legs, available -> {
            if (ad.quantityMicros() <= 0) {
                return rejected(ad, "INVALID_COMMAND", "the ad's quantity must be greater than zero");
            }
            if (available < ad.quantityMicros()) {
                return rejected(ad, "INSUFFICIENT_FUNDS", "available " + UsdtAmount.fromMicros(available).toPlainString()
                        + " USDT is less than the ad's " + UsdtAmount.fromMicros(ad.quantityMicros()).toPlainString() + " USDT");
            }
            return ledger.post(commandId, "RESERVE_FOR_AD", ASSET, legs)
                    .replaceWith(command.done(EventTypes.AD_FUNDS_RESERVED,
                            new AdFundsReserved(ad.adId(), ad.ownerId(), ASSET, ad.quantityMicros())));
        });
    }

    private static Uni<Outcome> rejected(AdPosted ad, String reason, String message) {
        return Uni.createFrom().item(Outcome.done(EventTypes.AD_FUNDS_REJECTED, ad.ownerId(), ad.adId(),
                new AdFundsRejected(ad.adId(), ad.ownerId(), reason, message)));
    }
}
