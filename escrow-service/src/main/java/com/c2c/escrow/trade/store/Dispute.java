package com.c2c.escrow.trade.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A trade's dispute: who opened it and why, then the arbiter's decision. Columns of the trade row. */
@Embeddable
public class Dispute {
    /** The party who opened it; null when escrow opened it because the seller did not confirm in time. */
    @Column(name = "dispute_opened_by")
    public String openedBy;
    @Column(name = "dispute_reason")
    public String reason;
    @Column(name = "dispute_evidence")
    public String evidence;
    @Column(name = "dispute_opened_at")
    public Instant openedAt;
    /** RELEASE or REFUND, once an arbiter decided. */
    @Column(name = "resolution")
    public String resolution;
    @Column(name = "resolution_note")
    public String note;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public static Dispute opened(String openedBy, String reason, String evidence, Instant at) {
        Dispute d = new Dispute();
        d.openedBy = openedBy;
        d.reason = reason;
        d.evidence = evidence;
        d.openedAt = at;
        return d;
    }

    public void resolve(String resolution, String note, String arbiter, Instant at) {
        this.resolution = resolution;
        this.note = note;
        this.resolvedBy = arbiter;
        this.resolvedAt = at;
    }
}
