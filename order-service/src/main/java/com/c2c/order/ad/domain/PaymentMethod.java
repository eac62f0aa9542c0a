package com.c2c.order.ad.domain;

/** How the fiat moves, off-platform. */
public enum PaymentMethod {
    BANK_TRANSFER, SEPA, ALIPAY, WECHAT_PAY, PIX, UPI, REVOLUT, WISE
}
