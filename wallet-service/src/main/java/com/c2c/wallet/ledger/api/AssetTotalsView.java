package com.c2c.wallet.ledger.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The ledger's own check of one asset: what its entries sum to (zero when every posting balanced),
 * the contra account of money that entered from outside ({@code externalFunding}, negative), the
 * balances held per account kind, and whether the books are {@code balanced}: the entries sum to zero
 * and every account's balance equals the sum of its entries. Amounts are exact decimal strings.
 */
public record AssetTotalsView(
        @Schema(example = "USDT") String asset,
        @Schema(example = "0.000000") String entriesSum,
        @Schema(example = "-1000.000000") String externalFunding,
        @Schema(example = "{\"AVAILABLE\":\"499.500000\",\"RESERVED\":\"400.000000\",\"LOCKED\":\"100.000000\","
                + "\"FEES\":\"0.500000\"}") Map<String, String> byKind,
        boolean balanced) {
}
