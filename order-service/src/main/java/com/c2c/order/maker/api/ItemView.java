package com.c2c.order.maker.api;

import com.c2c.order.maker.domain.ItemResult;
import com.c2c.platform.web.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item's answer: what happened to it, the ad as it now is, or the problem that kept it from changing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemView(String clientAdId,
        @Schema(enumeration = {"created", "updated", "unchanged", "cancelled", "rejected"}) String result,
        MakerAdView ad, Problem problem) {

    public static ItemView of(String clientAdId, ItemResult result, MakerAdView ad) {
        return new ItemView(clientAdId, result.name().toLowerCase(Locale.ROOT), ad, null);
    }

    public static ItemView rejected(String clientAdId, Problem problem) {
        return new ItemView(clientAdId, ItemResult.REJECTED.name().toLowerCase(Locale.ROOT), null, problem);
    }
}
