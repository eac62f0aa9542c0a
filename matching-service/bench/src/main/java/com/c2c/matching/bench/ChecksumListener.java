package com.c2c.matching.bench;

import com.c2c.matching.engine.BookListener;
import com.c2c.matching.engine.CancelReason;
import com.c2c.matching.engine.RejectReason;
import com.c2c.matching.engine.Side;

/**
 * The benchmark's listener: folds every event into one order-sensitive hash (a multiply-add per
 * event, a few ns at most), so no event's arguments are dead code, and so a replay can be checked
 * against the naive book's. Counts trades and rejects for the setup's sanity report.
 */
public final class ChecksumListener implements BookListener {
    public long acc;
    public long trades;
    public long rejects;

    @Override
    public void onTrade(long tradeId, long takerOrderId, long takerOwnerId, long makerOrderId, long makerOwnerId,
            Side takerSide, long priceTicks, long quantity, long fiatAmount) {
        trades++;
        acc = acc * 31 + (tradeId ^ takerOrderId ^ (makerOrderId << 20) ^ (takerOwnerId << 40) ^ makerOwnerId
                ^ takerSide.ordinal() ^ (priceTicks << 8) ^ quantity ^ (fiatAmount << 3));
    }

    @Override
    public void onReject(long orderId, RejectReason reason) {
        rejects++;
        acc = acc * 31 + ((orderId << 4) ^ reason.ordinal());
    }

    @Override
    public void onCancel(long orderId, long ownerId, long cancelledQuantity, CancelReason reason) {
        acc = acc * 31 + (orderId ^ (ownerId << 24) ^ (cancelledQuantity << 1) ^ reason.ordinal());
    }

    @Override
    public void onBookChange(Side side, long priceTicks, long levelQuantity) {
        acc = acc * 31 + ((priceTicks << 1) ^ side.ordinal() ^ (levelQuantity << 25));
    }
}
