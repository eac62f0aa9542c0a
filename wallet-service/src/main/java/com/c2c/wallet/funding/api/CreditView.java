package com.c2c.wallet.funding.api;

import com.c2c.events.UsdtAmount;
import com.c2c.wallet.funding.store.FundingCredit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record CreditView(UUID id, String reference, String ownerId, String asset, BigDecimal amount, String kind,
        Instant createdAt) {
    public static CreditView of(FundingCredit c) {
        return new CreditView(c.id, c.reference, c.ownerId, c.asset, UsdtAmount.fromMicros(c.amountMicros), c.kind,
                c.createdAt);
    }
}
