package com.c2c.order.ad.domain;

/** The rules of the ad state machine ({@link AdAction}): pure functions of an ad's state, an action and who acts. */
public final class AdTransitions {
    private AdTransitions() {
    }

    /** How a new ad of this side enters the state machine. */
    public static AdAction posting(Side side) {
        return side == Side.SELL ? AdAction.POST_SELL : AdAction.POST_BUY;
    }

    public static Decision decide(AdState ad, AdAction action, Actor actor) {
        if (actor == Actor.STRANGER) {
            return new Decision.Hidden();
        }
        if (!action.allows(actor)) {
            return new Decision.Forbidden("an ad can only be " + action.verb() + " by " + action.whoMay());
        }
        if (ad.status() == null) {
            return action.posts() ? new Decision.Move(action)
                    : new Decision.Conflict("the ad does not exist yet, so it cannot be " + action.verb());
        }
        if (action.posts()) {
            return new Decision.Conflict("ad is " + ad.status() + "; it was posted already");
        }
        // What already happened (a double click, a redelivered answer, a pause of a paused ad) is answered, not refused.
        if (ad.status() == action.to()) {
            return new Decision.Repeat();
        }
        if (!action.from().contains(ad.status())) {
            return new Decision.Conflict("ad is " + ad.status() + "; only " + action.fromList() + " ads can be "
                    + action.verb());
        }
        return new Decision.Move(action);
    }

    /**
     * Whether the wallet's reservation of an ad that is no longer waiting for it must be given back: the ad
     * was cancelled before it was funded (it never reached the book), so nothing else will release it.
     */
    public static boolean releasesLateReservation(AdState ad) {
        return ad.status() == AdStatus.CANCELLED && ad.presence() == BookPresence.OFF;
    }
}
