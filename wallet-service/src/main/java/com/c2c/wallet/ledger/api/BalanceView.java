package com.c2c.wallet.ledger.api;

import java.math.BigDecimal;

/** One asset's balances for its owner, as exact decimals. */
public record BalanceView(String asset, BigDecimal available, BigDecimal reserved, BigDecimal locked) {
}
