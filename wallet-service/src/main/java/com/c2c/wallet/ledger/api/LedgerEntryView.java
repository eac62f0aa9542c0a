package com.c2c.wallet.ledger.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One movement on one of the caller's accounts. */
public record LedgerEntryView(long id, String posting, String commandId, String asset, String account,
        BigDecimal amount, BigDecimal balanceAfter, OffsetDateTime at) {
}
