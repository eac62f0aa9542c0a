package com.c2c.order.maker.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 1..100 of the maker's clientAdIds; each is answered on its own. */
public record CancelAdsRequest(
        @NotNull @Size(min = 1, max = 100) @Schema(example = "[\"cny-sell-1\", \"cny-sell-2\"]") List<String> clientAdIds) {
}
