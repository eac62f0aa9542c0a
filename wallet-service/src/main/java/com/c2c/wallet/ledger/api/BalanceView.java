package com.c2c.wallet.ledger.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One asset's balances for its owner, as exact decimals. {@code pending} is what was deposited on chain but is
 * not yet confirmed: shown, not usable, not part of the ledger until it is credited to {@code available}.
 */
public record BalanceView(String asset, BigDecimal available, BigDecimal reserved, BigDecimal locked,
        @Schema(description = "held for withdrawals not yet sent or refused (amounts and fees)") BigDecimal withdrawing,
        @Schema(description = "Deposits seen on chain, not yet at the confirmation depth: not usable yet")
        BigDecimal pending) {
}
