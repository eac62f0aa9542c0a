package com.c2c.wallet.ledger.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One asset's balances for its owner, as exact decimals. */
public record BalanceView(String asset, BigDecimal available, BigDecimal reserved, BigDecimal locked,
        @Schema(description = "held for withdrawals not yet sent or refused (amounts and fees)") BigDecimal withdrawing) {
}
