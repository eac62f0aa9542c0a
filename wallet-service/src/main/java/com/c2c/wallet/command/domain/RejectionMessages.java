package com.c2c.wallet.command.domain;

import com.c2c.events.UsdtAmount;

/** The people-readable half of a rejection, with amounts as exact USDT decimals. */
public final class RejectionMessages {
    private RejectionMessages() {
    }

    public static String notPositive(long quantityMicros) {
        return "quantity must be greater than zero, not " + usdt(quantityMicros) + " USDT";
    }

    public static String shortOf(String account, long balanceMicros, long quantityMicros) {
        return account + " " + usdt(balanceMicros) + " USDT is less than the " + usdt(quantityMicros)
                + " USDT the command moves";
    }

    private static String usdt(long micros) {
        return UsdtAmount.fromMicros(micros).toPlainString();
    }
}
