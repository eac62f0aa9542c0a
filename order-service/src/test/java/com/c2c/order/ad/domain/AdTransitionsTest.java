package com.c2c.order.ad.domain;

import static com.c2c.order.ad.domain.AdAction.CANCEL;
import static com.c2c.order.ad.domain.AdAction.FUND;
import static com.c2c.order.ad.domain.AdAction.PAUSE;
import static com.c2c.order.ad.domain.AdAction.PAUSE_ON_MISSED_HEARTBEAT;
import static com.c2c.order.ad.domain.AdAction.POST_BUY;
import static com.c2c.order.ad.domain.AdAction.POST_SELL;
import static com.c2c.order.ad.domain.AdAction.REFUSE_LISTING;
import static com.c2c.order.ad.domain.AdAction.REJECT_FUNDING;
import static com.c2c.order.ad.domain.AdAction.RESUME;
import static com.c2c.order.ad.domain.AdStatus.ACTIVE;
import static com.c2c.order.ad.domain.AdStatus.CANCELLED;
import static com.c2c.order.ad.domain.AdStatus.PAUSED;
import static com.c2c.order.ad.domain.AdStatus.PENDING_FUNDING;
import static com.c2c.order.ad.domain.AdStatus.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ad state machine on its own: every (status, action) pair, who may act, and what each move does. */
class AdTransitionsTest {
    private static final String MOVE = "move";
    private static final String REPEAT = "repeat";
    private static final String CONFLICT = "409";

    private static Decision decide(AdStatus status, AdAction action) {
        Actor actor = EnumSet.allOf(Actor.class).stream().filter(action::allows).findFirst().orElseThrow();
        return AdTransitions.decide(new AdState(status, BookPresence.OFF), action, actor);
    }

    private static String kind(Decision d) {
        return switch (d) {
            case Decision.Move m -> MOVE;
            case Decision.Repeat r -> REPEAT;
            case Decision.Conflict c -> CONFLICT;
            default -> d.toString();
        };
    }

    /** Rows: the ad's status (null: not stored yet); columns: the actions in declaration order. */
    private static final Map<AdAction, List<String>> EXPECTED = new EnumMap<>(AdAction.class);
    private static final List<AdStatus> ROWS = new ArrayList<>(Arrays.asList(null, PENDING_FUNDING, ACTIVE, PAUSED,
            CANCELLED, REJECTED));

    static {
        //                              new       PENDING   ACTIVE    PAUSED    CANCELLED REJECTED
        EXPECTED.put(POST_SELL, List.of(MOVE, CONFLICT, CONFLICT, CONFLICT, CONFLICT, CONFLICT));
        EXPECTED.put(POST_BUY, List.of(MOVE, CONFLICT, CONFLICT, CONFLICT, CONFLICT, CONFLICT));
        EXPECTED.put(FUND, List.of(CONFLICT, MOVE, REPEAT, CONFLICT, CONFLICT, CONFLICT));
        EXPECTED.put(REJECT_FUNDING, List.of(CONFLICT, MOVE, CONFLICT, CONFLICT, CONFLICT, REPEAT));
        EXPECTED.put(PAUSE, List.of(CONFLICT, CONFLICT, MOVE, REPEAT, CONFLICT, CONFLICT));
        EXPECTED.put(PAUSE_ON_MISSED_HEARTBEAT, List.of(CONFLICT, CONFLICT, MOVE, REPEAT, CONFLICT, CONFLICT));
        EXPECTED.put(RESUME, List.of(CONFLICT, CONFLICT, REPEAT, MOVE, CONFLICT, CONFLICT));
        EXPECTED.put(CANCEL, List.of(CONFLICT, MOVE, MOVE, MOVE, REPEAT, CONFLICT));
        EXPECTED.put(REFUSE_LISTING, List.of(CONFLICT, CONFLICT, MOVE, MOVE, CONFLICT, REPEAT));
    }

    @Test
    void everyStatusAndActionPairIsDecidedAsTheTableSays() {
        assertEquals(EnumSet.allOf(AdAction.class), EnumSet.copyOf(EXPECTED.keySet()), "every action has a row");
        for (AdAction action : AdAction.values()) {
            for (int i = 0; i < ROWS.size(); i++) {
                AdStatus status = ROWS.get(i);
                Decision d = decide(status, action);
                assertEquals(EXPECTED.get(action).get(i), kind(d), action + " on " + status);
                if (d instanceof Decision.Move move) {
                    assertEquals(action, move.action());
                }
            }
        }
    }

    @Test
    void aRefusalNamesTheStatusAndWhatWasNeeded() {
        assertEquals(new Decision.Conflict("ad is REJECTED; only PENDING_FUNDING, ACTIVE or PAUSED ads can be cancelled"),
                decide(REJECTED, CANCEL));
        assertEquals(new Decision.Conflict("ad is PENDING_FUNDING; only PAUSED ads can be resumed"),
                decide(PENDING_FUNDING, RESUME));
        assertEquals(new Decision.Conflict("ad is CANCELLED; only ACTIVE ads can be paused"), decide(CANCELLED, PAUSE));
    }

    @Test
    void onlyTheOwnerActsOnTheirAdAndOthersDoNotLearnItExists() {
        AdState active = new AdState(ACTIVE, BookPresence.LISTED);
        for (AdAction action : AdAction.values()) {
            assertEquals(new Decision.Hidden(), AdTransitions.decide(active, action, Actor.STRANGER), action.name());
        }
        AdState pending = new AdState(PENDING_FUNDING, BookPresence.OFF);
        assertInstanceOf(Decision.Forbidden.class, AdTransitions.decide(pending, FUND, Actor.OWNER));
        assertInstanceOf(Decision.Forbidden.class, AdTransitions.decide(pending, REJECT_FUNDING, Actor.OWNER));
        assertInstanceOf(Decision.Forbidden.class, AdTransitions.decide(active, PAUSE, Actor.WALLET));
        assertInstanceOf(Decision.Forbidden.class, AdTransitions.decide(active, CANCEL, Actor.SYSTEM));
        assertInstanceOf(Decision.Forbidden.class, AdTransitions.decide(active, REFUSE_LISTING, Actor.OWNER),
                "only the book refuses a listing");
        assertInstanceOf(Decision.Forbidden.class, AdTransitions.decide(active, PAUSE_ON_MISSED_HEARTBEAT, Actor.OWNER),
                "the owner pauses with PAUSE");
        assertEquals(Actor.OWNER, Actor.of("maker-1", "maker-1"));
        assertEquals(Actor.STRANGER, Actor.of("maker-1", "maker-2"));
    }

    @Test
    void aNewAdStartsAsItsSideNeeds() {
        assertEquals(POST_SELL, AdTransitions.posting(Side.SELL));
        assertEquals(POST_BUY, AdTransitions.posting(Side.BUY));
        assertEquals(PENDING_FUNDING, POST_SELL.to());
        assertEquals(ACTIVE, POST_BUY.to(), "a BUY ad holds no USDT: straight to the book");
    }

    @Test
    void whatEachMoveTellsTheBookAndDoesWithTheFunds() {
        record Expect(AdStatus to, String reason, BookEffect book, FundsEffect funds, Announcement announcement) {
        }
        Map<AdAction, Expect> table = Map.of(
                POST_SELL, new Expect(PENDING_FUNDING, null, BookEffect.NONE, FundsEffect.RESERVE,
                        Announcement.AD_POSTED),
                POST_BUY, new Expect(ACTIVE, null, BookEffect.LIST, FundsEffect.NONE, Announcement.AD_POSTED),
                FUND, new Expect(ACTIVE, null, BookEffect.LIST, FundsEffect.NONE, Announcement.NONE),
                REJECT_FUNDING, new Expect(REJECTED, "FUNDS_REJECTED", BookEffect.NONE, FundsEffect.FORGET,
                        Announcement.NONE),
                PAUSE, new Expect(PAUSED, null, BookEffect.WITHDRAW, FundsEffect.NONE, Announcement.NONE),
                PAUSE_ON_MISSED_HEARTBEAT, new Expect(PAUSED, "HEARTBEAT_MISSED", BookEffect.WITHDRAW,
                        FundsEffect.NONE, Announcement.NONE),
                RESUME, new Expect(ACTIVE, null, BookEffect.LIST, FundsEffect.NONE, Announcement.NONE),
                CANCEL, new Expect(CANCELLED, null, BookEffect.WITHDRAW, FundsEffect.RELEASE_REST,
                        Announcement.NONE),
                REFUSE_LISTING, new Expect(REJECTED, "BOOK_REFUSED", BookEffect.NONE, FundsEffect.RELEASE_REST,
                        Announcement.NONE));
        assertEquals(EnumSet.allOf(AdAction.class), EnumSet.copyOf(table.keySet()));
        table.forEach((action, e) -> assertEquals(e, new Expect(action.to(), action.reason(), action.book(),
                action.funds(), action.announcement()), action.name()));
    }

    @Test
    void aReservationArrivingForAnAdCancelledBeforeItWasListedIsGivenBack() {
        assertTrue(AdTransitions.releasesLateReservation(new AdState(CANCELLED, BookPresence.OFF)));
        assertFalse(AdTransitions.releasesLateReservation(new AdState(CANCELLED, BookPresence.WITHDRAWING)),
                "the book's confirmation releases it");
        assertFalse(AdTransitions.releasesLateReservation(new AdState(ACTIVE, BookPresence.OFF)));
        assertFalse(AdTransitions.releasesLateReservation(new AdState(PENDING_FUNDING, BookPresence.OFF)));
    }
}
