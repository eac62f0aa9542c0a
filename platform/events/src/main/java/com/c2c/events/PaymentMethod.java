package com.c2c.events;

import java.util.Collection;

/** How fiat moves, off-platform. The ordinal is the bit in the matching engine's payment-method mask: append only. */
public enum PaymentMethod {
    BANK_TRANSFER, SEPA, ALIPAY, WECHAT_PAY, PIX, UPI, REVOLUT, WISE;

    public static long mask(Collection<PaymentMethod> methods) {
        long mask = 0;
        for (PaymentMethod m : methods) {
            mask |= 1L << m.ordinal();
        }
        return mask;
    }
}
