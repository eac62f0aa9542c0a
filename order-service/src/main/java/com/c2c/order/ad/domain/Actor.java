package com.c2c.order.ad.domain;

/** Who acts on an ad, as far as the ad is concerned. */
public enum Actor {
    /** The maker who posted it. */
    OWNER,
    /** The wallet's answer to the ad's reservation (AdFundsReserved / AdFundsRejected). */
    WALLET,
    /** This service on the owner's behalf: the dead-man's switch when the owner's heartbeat stops. */
    SYSTEM,
    /** The matching engine's answer about the ad (a listing it refused). */
    BOOK,
    /** Anyone else: they must not learn that the ad exists. */
    STRANGER;

    public static Actor of(String ownerId, String callerId) {
        return ownerId.equals(callerId) ? OWNER : STRANGER;
    }
}
