package com.c2c.escrow.trade.store;

import com.c2c.escrow.trade.domain.TradeAction;
import com.c2c.escrow.trade.domain.TradeStatus;
import com.c2c.platform.messaging.sql.PlainSql;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The trade rows a change reads and writes, in plain SQL (ADR 0020): every event and action of every trade locks
 * its row, changes it and writes it back, four or five times per trade. A {@link Trade} read here is a plain object,
 * not managed by Hibernate: whoever changes it stores the change with {@link #write} in the same transaction.
 * Reads for the API (lists, a trade's view) stay with Hibernate ({@code TradeQueries}).
 */
public final class TradeRows {
    /** The row's columns, in the order {@link #trade} reads them. */
    private static final String COLUMNS = """
            id, market, taker_order_id, maker_order_id, buyer_id, seller_id, quantity_micros, price_minor,
            fiat_amount_minor, status, reason, deadline_at, wallet_resends, wallet_resend_at, wallet_refused_at,
            last_action, last_actor, fee_micros, settled_at, dispute_opened_by, dispute_reason, dispute_evidence,
            dispute_opened_at, resolution, resolution_note, resolved_by, resolved_at, created_at, updated_at, version""";

    private TradeRows() {
    }

    /** The trade with its row locked until the transaction ends, so one change at a time wins; null if unknown. */
    public static Uni<Trade> lock(UUID id) {
        // "no key": nothing refers to a trade by foreign key, and it is the lock Hibernate took for this
        return PlainSql.select("select " + COLUMNS + " from trade where id = $1 for no key update", id)
                .map(rows -> rows.isEmpty() ? null : trade(rows.get(0)));
    }

    /**
     * Up to {@code limit} trades whose deadline has passed, locked; rows another transaction holds (a user's
     * action, another replica's scan) are skipped rather than waited for.
     */
    public static Uni<List<Trade>> lockDue(Instant now, int limit) {
        return PlainSql.select("select " + COLUMNS + """
                 from trade
                where deadline_at <= $1 and status in ('LOCKED', 'PAID')
                order by deadline_at
                limit $2
                for update skip locked""", now, limit)
                .map(rows -> rows.stream().map(TradeRows::trade).toList());
    }

    /**
     * Up to {@code limit} trades that have waited for the wallet's answer past their time (see
     * V4__wallet_command_resend.sql): OPENED ones (the lock) and decided ones whose release or refund is not
     * settled; locked, skipping rows another transaction holds.
     */
    public static Uni<List<Trade>> lockWaitingForWallet(Instant firstDue, Instant now, int limit) {
        return PlainSql.select("select " + COLUMNS + """
                 from trade
                where (status = 'OPENED'
                       or (settled_at is null
                           and last_action in ('CANCEL', 'CONFIRM', 'RELEASE', 'REFUND', 'EXPIRE_PAYMENT')
                           and wallet_refused_at is null))
                  and (wallet_resend_at <= $1 or (wallet_resend_at is null and updated_at <= $2))
                order by updated_at
                limit $3
                for update skip locked""", now, firstDue, limit)
                .map(rows -> rows.stream().map(TradeRows::trade).toList());
    }

    /**
     * Inserts a new trade as its first move left it (ADR 0028: LOCKED or CANCELLED); false if a trade of that id
     * exists already. Nothing about a new trade is disputed, resent or refused yet.
     */
    public static Uni<Boolean> insertIfAbsent(Trade t) {
        return PlainSql.update("""
                insert into trade (id, market, taker_order_id, maker_order_id, buyer_id, seller_id, quantity_micros,
                                   price_minor, fiat_amount_minor, status, reason, deadline_at, last_action, last_actor,
                                   settled_at, created_at, updated_at, version)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 0)
                on conflict (id) do nothing""", t.id, t.market, t.takerOrderId, t.makerOrderId, t.buyerId,
                t.sellerId, t.quantityMicros, t.priceMinor, t.fiatAmountMinor, t.status.name(), t.reason, t.deadlineAt,
                t.lastAction == null ? null : t.lastAction.name(), t.lastActor, t.settledAt, t.createdAt,
                t.updatedAt).map(inserted -> inserted == 1);
    }

    /**
     * Stores what a change did to a trade read by {@link #lock} (its row locked by this transaction). The version
     * still counts changes, as it did when Hibernate wrote the row; a row changed under the lock (it cannot be)
     * fails the transaction rather than lose either change.
     */
    public static Uni<Void> write(Trade t) {
        Dispute d = t.dispute == null ? new Dispute() : t.dispute;
        return PlainSql.updateLockedRow("trade " + t.id, t.version, """
                update trade set status = $3, reason = $4, deadline_at = $5, wallet_resends = $6, wallet_resend_at = $7,
                                 wallet_refused_at = $8, last_action = $9, last_actor = $10, fee_micros = $11,
                                 settled_at = $12, dispute_opened_by = $13, dispute_reason = $14, dispute_evidence = $15,
                                 dispute_opened_at = $16, resolution = $17, resolution_note = $18, resolved_by = $19,
                                 resolved_at = $20, updated_at = $21, version = version + 1
                where id = $1 and version = $2""", t.id, t.version, t.status.name(), t.reason, t.deadlineAt,
                t.walletResends, t.walletResendAt, t.walletRefusedAt, t.lastAction == null ? null : t.lastAction.name(),
                t.lastActor, t.feeMicros, t.settledAt, d.openedBy, d.reason, d.evidence, d.openedAt, d.resolution,
                d.note, d.resolvedBy, d.resolvedAt, t.updatedAt).invoke(() -> t.version++);
    }

    private static Trade trade(Object[] row) {
        Trade t = new Trade();
        t.id = (UUID) row[0];
        t.market = (String) row[1];
        t.takerOrderId = (UUID) row[2];
        t.makerOrderId = (UUID) row[3];
        t.buyerId = (String) row[4];
        t.sellerId = (String) row[5];
        t.quantityMicros = (Long) row[6];
        t.priceMinor = (Long) row[7];
        t.fiatAmountMinor = (Long) row[8];
        t.status = TradeStatus.valueOf((String) row[9]);
        t.reason = (String) row[10];
        t.deadlineAt = PlainSql.instant(row[11]);
        t.walletResends = (Integer) row[12];
        t.walletResendAt = PlainSql.instant(row[13]);
        t.walletRefusedAt = PlainSql.instant(row[14]);
        t.lastAction = row[15] == null ? null : TradeAction.valueOf((String) row[15]);
        t.lastActor = (String) row[16];
        t.feeMicros = (Long) row[17];
        t.settledAt = PlainSql.instant(row[18]);
        if (Arrays.stream(row, 19, 27).anyMatch(Objects::nonNull)) {
            // Hibernate reads an embedded value whose columns are all null as no value: the same here
            Dispute d = new Dispute();
            d.openedBy = (String) row[19];
            d.reason = (String) row[20];
            d.evidence = (String) row[21];
            d.openedAt = PlainSql.instant(row[22]);
            d.resolution = (String) row[23];
            d.note = (String) row[24];
            d.resolvedBy = (String) row[25];
            d.resolvedAt = PlainSql.instant(row[26]);
            t.dispute = d;
        }
        t.createdAt = PlainSql.instant(row[27]);
        t.updatedAt = PlainSql.instant(row[28]);
        t.version = (Long) row[29];
        return t;
    }
}
