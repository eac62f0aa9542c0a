package com.c2c.order.ad.domain;

import static com.c2c.order.ad.domain.AdStatus.ACTIVE;
import static com.c2c.order.ad.domain.AdStatus.CANCELLED;
import static com.c2c.order.ad.domain.AdStatus.PAUSED;
import static com.c2c.order.ad.domain.AdStatus.PENDING_FUNDING;
import static com.c2c.order.ad.domain.AdStatus.REJECTED;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every transition of an ad: who may make it, from which statuses to which, the reason recorded, what it
 * tells the book, what happens to the USDT a SELL ad holds, and what it announces. This table is the
 * ad's state machine; {@link AdTransitions} decides whether a given call may take it.
 *
 * <pre>
 *  (new) --POST_SELL--> PENDING_FUNDING --FUND (wallet)--> ACTIVE <--POST_BUY-- (new)
 *                         |        |                        |   ^
 *         REJECT_FUNDING  |        | CANCEL        PAUSE or |   | RESUME
 *            (wallet)     v        |     PAUSE_ON_MISSED_   v   |
 *                      REJECTED    |     HEARTBEAT (system) PAUSED
 *                                  v                        |
 *                               CANCELLED <-----CANCEL------+   (CANCEL from ACTIVE too)
 * </pre>
 */
public enum AdAction {
    /** A SELL ad waits for the wallet to reserve its USDT (the wallet reads AdPosted). */
    POST_SELL(Set.of(Actor.OWNER), Set.of(), PENDING_FUNDING, "posted", null,
            BookEffect.NONE, FundsEffect.RESERVE, Announcement.AD_POSTED),
    /** A BUY ad holds no USDT: it goes to the book at once. */
    POST_BUY(Set.of(Actor.OWNER), Set.of(), ACTIVE, "posted", null,
            BookEffect.LIST, FundsEffect.NONE, Announcement.AD_POSTED),
    FUND(Set.of(Actor.WALLET), Set.of(PENDING_FUNDING), ACTIVE, "funded", null,
            BookEffect.LIST, FundsEffect.NONE, Announcement.NONE),
    REJECT_FUNDING(Set.of(Actor.WALLET), Set.of(PENDING_FUNDING), REJECTED, "rejected", "FUNDS_REJECTED",
            BookEffect.NONE, FundsEffect.FORGET, Announcement.NONE),
    /** Off the book; the USDT stays reserved (a pause is temporary). */
    PAUSE(Set.of(Actor.OWNER), Set.of(ACTIVE), PAUSED, "paused", null,
            BookEffect.WITHDRAW, FundsEffect.NONE, Announcement.NONE),
    /**
     * The dead-man's switch: the owner opted in to heartbeats and sent none in time. Only a pause: the
     * USDT stays reserved and the owner decides when to resume.
     */
    PAUSE_ON_MISSED_HEARTBEAT(Set.of(Actor.SYSTEM), Set.of(ACTIVE), PAUSED, "paused", "HEARTBEAT_MISSED",
            BookEffect.WITHDRAW, FundsEffect.NONE, Announcement.NONE),
    /** Back on the book with what it has left and its current terms (once the book confirmed the pause). */
    RESUME(Set.of(Actor.OWNER), Set.of(PAUSED), ACTIVE, "resumed", null,
            BookEffect.LIST, FundsEffect.NONE, Announcement.NONE),
    CANCEL(Set.of(Actor.OWNER), Set.of(PENDING_FUNDING, ACTIVE, PAUSED), CANCELLED, "cancelled", null,
            BookEffect.WITHDRAW, FundsEffect.RELEASE_REST, Announcement.NONE),
    /**
     * The book refused the ad's listing for its content (a price off the market's tick, a quantity out of
     * range): it will never take the ad as it is, so the ad ends, its reserved USDT released, rather than
     * being shown as listed while nobody can fill it.
     */
    REFUSE_LISTING(Set.of(Actor.BOOK), Set.of(ACTIVE, PAUSED), REJECTED, "rejected", "BOOK_REFUSED",
            BookEffect.NONE, FundsEffect.RELEASE_REST, Announcement.NONE);

    private final EnumSet<Actor> actors;
    private final EnumSet<AdStatus> from;
    private final AdStatus to;
    private final String verb;
    private final String reason;
    private final BookEffect book;
    private final FundsEffect funds;
    private final Announcement announcement;

    AdAction(Set<Actor> actors, Set<AdStatus> from, AdStatus to, String verb, String reason, BookEffect book,
            FundsEffect funds, Announcement announcement) {
        this.actors = EnumSet.copyOf(actors);
        this.from = from.isEmpty() ? EnumSet.noneOf(AdStatus.class) : EnumSet.copyOf(from);
        this.to = to;
        this.verb = verb;
        this.reason = reason;
        this.book = book;
        this.funds = funds;
        this.announcement = announcement;
    }

    public boolean allows(Actor actor) {
        return actors.contains(actor);
    }

    /** The statuses the action starts from; empty for the posting of a new ad. */
    public Set<AdStatus> from() {
        return EnumSet.copyOf(from);
    }

    public AdStatus to() {
        return to;
    }

    /** Whether the action creates the ad. */
    public boolean posts() {
        return from.isEmpty();
    }

    /** How a refusal names the action: "only ACTIVE ads can be {verb}". */
    public String verb() {
        return verb;
    }

    /** The reason recorded with the move (a fixed code), or null. */
    public String reason() {
        return reason;
    }

    public BookEffect book() {
        return book;
    }

    public FundsEffect funds() {
        return funds;
    }

    public Announcement announcement() {
        return announcement;
    }

    /** "PENDING_FUNDING, ACTIVE or PAUSED", in the statuses' order. */
    String fromList() {
        String all = from.stream().map(Enum::name).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** Who may take this action, for a refusal. */
    String whoMay() {
        return switch (actors.iterator().next()) {
            case OWNER -> "its owner";
            case WALLET -> "the wallet";
            case BOOK -> "the book";
            default -> "the service itself";
        };
    }
}
