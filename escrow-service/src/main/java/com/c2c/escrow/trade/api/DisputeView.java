package com.c2c.escrow.trade.api;

import com.c2c.escrow.trade.store.Dispute;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DisputeView(
        @Schema(description = "the party who opened it; null when the seller did not confirm in time") String openedBy,
        @Schema(example = "I paid, the seller does not answer") String reason,
        @Schema(example = "bank statement, reference 42") String evidence,
        Instant openedAt,
        @Schema(description = "RELEASE or REFUND once an arbiter decided; else null") String resolution,
        @Schema(description = "the arbiter's note") String note,
        String resolvedBy,
        Instant resolvedAt) {

    static DisputeView of(Dispute d) {
        return new DisputeView(d.openedBy, d.reason, d.evidence, d.openedAt, d.resolution, d.note, d.resolvedBy,
                d.resolvedAt);
    }
}
