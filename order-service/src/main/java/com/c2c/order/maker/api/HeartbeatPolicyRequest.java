package com.c2c.order.maker.api;

import com.c2c.order.maker.domain.HeartbeatPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record HeartbeatPolicyRequest(
        @NotNull @Min(HeartbeatPolicy.MIN_SECONDS) @Max(HeartbeatPolicy.MAX_SECONDS)
        @Schema(example = "30", description = "pause all my ACTIVE ads after this many seconds without a heartbeat")
        Integer intervalSeconds) {
}
