package com.c2c.order.maker;

import com.c2c.order.ad.AdLifecycle;
import com.c2c.order.ad.AdQuantities;
import com.c2c.order.ad.AdRequests;
import com.c2c.order.ad.AdService;
import com.c2c.order.ad.api.AmendAdRequest;
import com.c2c.order.ad.domain.AdAction;
import com.c2c.order.ad.domain.AdStatus;
import com.c2c.order.ad.store.Ad;
import com.c2c.order.ad.store.ReferencePrice;
import com.c2c.order.idempotency.IdempotentCreation;
import com.c2c.order.maker.api.MakerAdItem;
import com.c2c.order.maker.api.MakerAdView;
import com.c2c.order.maker.api.ItemView;
import com.c2c.order.maker.domain.ClientAdId;
import com.c2c.order.maker.domain.ItemResult;
import com.c2c.order.trade.MakerTrades;
import com.c2c.platform.web.Page;
import com.c2c.platform.web.PageAfter;
import com.c2c.platform.web.Problem;
import com.c2c.platform.web.ProblemException;
import com.c2c.platform.web.TimeAndId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A maker's ads by its own clientAdIds, in bulk. Each item is read, decided and written in a transaction of
 * its own, one after the other, so one bad item never fails the others and each answer says what happened
 * to that item. Changes go through the same paths as the single-ad API (posting, AdLifecycle's amend and
 * transitions), plus AdQuantities for the total.
 */
@ApplicationScoped
public class MakerAds {
    private static final Logger LOG = Logger.getLogger(MakerAds.class);
    private static final List<AdStatus> OPEN = List.of(AdStatus.PENDING_FUNDING, AdStatus.ACTIVE, AdStatus.PAUSED);

    private final AdService ads;
    private final AdLifecycle lifecycle;
    private final AdQuantities quantities;
    private final MakerTrades trades;
    private final Validator validator;

    MakerAds(AdService ads, AdLifecycle lifecycle, AdQuantities quantities, MakerTrades trades, Validator validator) {
        this.ads = ads;
        this.lifecycle = lifecycle;
        this.quantities = quantities;
        this.trades = trades;
        this.validator = validator;
    }

    /** Creates or changes each item's ad so it is as the item says; answers per item, in order. */
    public Uni<List<ItemView>> upsert(String ownerId, List<MakerAdItem> items) {
        Map<String, Long> named = items.stream().filter(i -> i != null && i.clientAdId() != null)
                .collect(Collectors.groupingBy(MakerAdItem::clientAdId, Collectors.counting()));
        return inOrder(items, item -> upsertOne(ownerId, item, named));
    }

    private Uni<ItemView> upsertOne(String ownerId, MakerAdItem item, Map<String, Long> named) {
        if (item == null) {
            return rejected(null, ProblemException.invalidField("item", "must be an ad, not null"));
        }
        String id = item.clientAdId();
        Ad desired;
        try {
            checkFields(item);
            if (named.get(id) > 1) {
                throw ProblemException.invalidField("clientAdId", "appears more than once in the batch");
            }
            desired = AdRequests.newAd(ownerId, null, item.asPost());
            desired.clientAdId = id;
        } catch (ProblemException e) {
            return rejected(id, e);
        }
        // A first post racing another request for the same clientAdId loses on the unique index and runs
        // again, finding the winner's ad.
        return answered(id, IdempotentCreation.retryingRace(() -> Panache.withTransaction(() -> upsertIn(desired))));
    }

    private Uni<ItemView> upsertIn(Ad desired) {
        return idOf(desired.ownerId, desired.clientAdId).chain(found -> found == null
                ? ads.postInTransaction(desired).map(ad -> ItemView.of(ad.clientAdId, ItemResult.CREATED,
                        MakerAdView.of(ad, 0)))
                // The fiat's reference price is locked before the ad, in the order an amend and a reference
                // price change take them.
                : ReferencePrice.<ReferencePrice>findById((String) found[1], LockModeType.PESSIMISTIC_READ)
                        .chain(reference -> Ad.<Ad>findById(found[0], LockModeType.PESSIMISTIC_WRITE)
                                .chain(ad -> tradedOf(ad).chain(traded -> change(ad, desired, reference, traded)))));
    }

    private Uni<ItemView> change(Ad ad, Ad desired, ReferencePrice reference, long traded) {
        if (ad.side != desired.side) {
            throw ProblemException.invalidField("side", "cannot change; cancel the ad and post one under a new"
                    + " clientAdId");
        }
        if (!ad.fiat.equals(desired.fiat)) {
            throw ProblemException.invalidField("fiat", "cannot change; cancel the ad and post one under a new"
                    + " clientAdId");
        }
        if (ad.status == AdStatus.CANCELLED || ad.status == AdStatus.REJECTED) {
            throw ProblemException.conflict("ad-closed", "ad is " + ad.status + "; a clientAdId names one ad for"
                    + " good, so post a new one under another clientAdId");
        }
        AmendAdRequest terms = AdRequests.changes(ad, desired);
        Uni<Boolean> amended = terms == null ? Uni.createFrom().item(false)
                : lifecycle.amendLocked(ad, terms, reference).replaceWith(true);
        return amended.chain(termsChanged -> quantities.setTotal(ad, desired.quantityMicros, traded)
                .map(totalChanged -> ItemView.of(ad.clientAdId,
                        termsChanged || totalChanged ? ItemResult.UPDATED : ItemResult.UNCHANGED,
                        MakerAdView.of(ad, traded))));
    }

    /** Cancels each named ad; one already cancelled answers unchanged. */
    public Uni<List<ItemView>> cancel(String ownerId, List<String> clientAdIds) {
        return inOrder(clientAdIds, id -> act(ownerId, id, AdAction.CANCEL));
    }

    /** Resumes each named ad (after a pause, e.g. by the dead-man's switch); one already active answers unchanged. */
    public Uni<List<ItemView>> resume(String ownerId, List<String> clientAdIds) {
        return inOrder(clientAdIds, id -> act(ownerId, id, AdAction.RESUME));
    }

    /** Cancels every open ad of the owner (in {@code market}, if given), named or not, each in its own transaction. */
    public Uni<List<ItemView>> cancelAll(String ownerId, String market) {
        String filter = market == null ? "" : " and a.market = :market";
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery("select a.id from Ad a where a.ownerId = :owner"
                    + " and a.status in :open" + filter + " order by a.id", UUID.class)
                    .setParameter("owner", ownerId).setParameter("open", OPEN);
            if (market != null) {
                query.setParameter("market", market);
            }
            return query.getResultList();
        })).chain(ids -> inOrder(ids, id -> answered(null,
                Panache.withTransaction(() -> Ad.<Ad>findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .chain(ad -> transition(ad, ownerId, AdAction.CANCEL))))));
    }

    private Uni<ItemView> act(String ownerId, String clientAdId, AdAction action) {
        if (!ClientAdId.valid(clientAdId)) {
            return rejected(clientAdId, ProblemException.invalidField("clientAdId", "must be 1-64 of A-Z a-z 0-9 . _ -"));
        }
        return answered(clientAdId, Panache.withTransaction(() -> idOf(ownerId, clientAdId).chain(found -> {
            if (found == null) {
                return Uni.createFrom().failure(ProblemException.notFound("ad " + clientAdId));
            }
            return Ad.<Ad>findById(found[0], LockModeType.PESSIMISTIC_WRITE)
                    .chain(ad -> transition(ad, ownerId, action));
        })));
    }

    private Uni<ItemView> transition(Ad ad, String ownerId, AdAction action) {
        AdStatus before = ad.status;
        return lifecycle.act(ad, ownerId, action).chain(after -> tradedOf(after).map(traded -> ItemView.of(
                after.clientAdId, after.status == before ? ItemResult.UNCHANGED
                        : action == AdAction.CANCEL ? ItemResult.CANCELLED : ItemResult.UPDATED,
                MakerAdView.of(after, traded))));
    }

    /**
     * The owner's ads strictly after the position asked for by (creation, id), oldest first, optionally in one
     * market (index ad_owner, read backwards).
     */
    @WithSession
    public Uni<Page<MakerAdView>> list(String ownerId, String market, PageAfter<TimeAndId> ask) {
        TimeAndId cursor = ask.after();
        StringBuilder hql = new StringBuilder("from Ad a where a.ownerId = :owner");
        if (market != null) {
            hql.append(" and a.market = :market");
        }
        if (cursor != null) {
            hql.append(" and (a.createdAt, a.id) > (:at, :id)");
        }
        hql.append(" order by a.createdAt, a.id");
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql.toString(), Ad.class).setParameter("owner", ownerId);
            if (market != null) {
                query.setParameter("market", market);
            }
            if (cursor != null) {
                query.setParameter("at", cursor.at()).setParameter("id", cursor.id());
            }
            return query.setMaxResults(ask.fetch()).getResultList();
        }).map(found -> ask.page(found, ad -> new TimeAndId(ad.createdAt, ad.id)))
                .chain(page -> trades.traded(page.items().stream().map(ad -> ad.id).toList())
                        .map(traded -> page.map(ad -> MakerAdView.of(ad, traded.getOrDefault(ad.id, 0L)))));
    }

    private Uni<Long> tradedOf(Ad ad) {
        return trades.traded(List.of(ad.id)).map(traded -> traded.getOrDefault(ad.id, 0L));
    }

    /** The item's own checks (its fields' constraints), as a 400 naming each bad field. */
    private void checkFields(MakerAdItem item) {
        var violations = validator.validate(item);
        if (violations.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        throw new ProblemException(400, "invalid-request", "The request is not valid", errors.stream()
                .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")), errors);
    }

    /**
     * The item's answer: what {@code work} did, or the problem that kept it from changing anything (its
     * transaction rolled back). A failure that is not the item's fault is answered for the item too, so
     * the answers to the items already done are not lost; the batch can be sent again as it is.
     */
    private static Uni<ItemView> answered(String clientAdId, Uni<ItemView> work) {
        return work.onFailure().recoverWithUni(failure -> {
            if (failure instanceof ProblemException problem) {
                return rejected(clientAdId, problem);
            }
            LOG.errorf(failure, "maker item %s failed", clientAdId);
            return rejected(clientAdId, new ProblemException(500, "internal", "Internal error",
                    "the item could not be completed; nothing of it was changed, send it again", List.of()));
        });
    }

    private static Uni<ItemView> rejected(String clientAdId, ProblemException problem) {
        return Uni.createFrom().item(ItemView.rejected(clientAdId, problem.toProblem(null)));
    }

    /** One item after the other: a session runs one statement at a time, and answers keep the items' order. */
    private static <T> Uni<List<ItemView>> inOrder(List<T> items, Function<T, Uni<ItemView>> each) {
        Uni<List<ItemView>> done = Uni.createFrom().item(new ArrayList<>());
        for (T item : items) {
            done = done.chain(answers -> each.apply(item).map(answer -> {
                answers.add(answer);
                return answers;
            }));
        }
        return done;
    }

    /** The ad's id and fiat, without loading (or locking) the ad itself. */
    private static Uni<Object[]> idOf(String ownerId, String clientAdId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select a.id, a.fiat from Ad a where a.ownerId = :owner and a.clientAdId = :client", Object[].class)
                .setParameter("owner", ownerId).setParameter("client", clientAdId).getSingleResultOrNull());
    }
}
