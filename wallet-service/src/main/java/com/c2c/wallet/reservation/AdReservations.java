package com.c2c.wallet.reservation;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.UsdtAmount;
import com.c2c.events.order.AdPosted;
import com.c2c.events.wallet.AdFundsRejected;
import com.c2c.events.wallet.AdFundsReserved;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reserves a SELL ad's USDT (available → reserved) so the ad never offers USDT that is not held, and
 * answers AdFundsReserved or AdFundsRejected. Runs inside the consumer's transaction; idempotent by
 * the ad id (the posting's command id).
 */
@ApplicationScoped
public class AdReservations {
    static final String ASSET = "USDT";

    private final Ledger ledger;
    private final Outbox outbox;

    AdReservations(Ledger ledger, Outbox outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
    }

    public Uni<Void> reserve(AdPosted ad) {
        if (!"SELL".equals(ad.side())) {
            return Uni.createFrom().voidItem(); // a BUY ad holds no USDT; the taker's is reserved when they sell
        }
        String command = "reserve-ad:" + ad.adId();
        return ledger.posted(command).chain(done -> done
                ? Uni.createFrom().voidItem() // already reserved and answered (the ad event came again)
                : reserveOnce(ad, command));
    }

    private Uni<Void> reserveOnce(AdPosted ad, String command) {
        List<Leg> legs = List.of(new Leg(ad.ownerId(), AccountKind.AVAILABLE, -ad.quantityMicros()),
                new Leg(ad.ownerId(), AccountKind.RESERVED, ad.quantityMicros()));
        return ledger.lockAccounts(ASSET, legs).chain(balances -> {
            long available = balances.get(0);
            if (available < ad.quantityMicros()) {
                String message = "available " + UsdtAmount.fromMicros(available).toPlainString() + " USDT is less than the ad's "
                        + UsdtAmount.fromMicros(ad.quantityMicros()).toPlainString() + " USDT";
                return emit(EventTypes.AD_FUNDS_REJECTED, ad,
                        new AdFundsRejected(ad.adId(), ad.ownerId(), "INSUFFICIENT_FUNDS", message));
            }
            return ledger.post(command, "RESERVE_FOR_AD", ASSET, legs)
                    .chain(() -> emit(EventTypes.AD_FUNDS_RESERVED, ad,
                            new AdFundsReserved(ad.adId(), ad.ownerId(), ASSET, ad.quantityMicros())));
        });
    }

    private Uni<Void> emit(String type, AdPosted ad, Object event) {
        return outbox.add(Topics.WALLET_EVENTS, ad.ownerId(), type, ad.adId().toString(), event).replaceWithVoid();
    }
}
