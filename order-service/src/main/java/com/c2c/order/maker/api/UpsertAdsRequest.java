package com.c2c.order.maker.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** 1..100 ads; each is answered on its own (its fields are checked per item, not for the whole batch). */
public record UpsertAdsRequest(@NotNull @Size(min = 1, max = 100) List<MakerAdItem> items) {
}
