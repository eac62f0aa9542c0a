package com.c2c.matching.book;

import com.c2c.matching.engine.RejectReason;

/** What each engine reject means to the person whose order it was. */
final class RejectMessages {
    private RejectMessages() {
    }

    static String of(RejectReason reason) {
        return switch (reason) {
            case DUPLICATE_ID -> "an order with this id is already on the book";
            case UNKNOWN_ID -> "the order is not on the book (already filled, cancelled or never placed)";
            case INVALID_PRICE -> "the price is outside the range this market accepts";
            case INVALID_QUANTITY -> "the amount is zero, too large, or the ad's minimum exceeds its maximum";
            case WRONG_ORDER_KIND -> "this operation does not apply to that kind of order";
            case NOT_FILLABLE -> "the order cannot be filled completely right now (fill-or-kill)";
            case NO_ELIGIBLE_AD -> "no ad can take this order: check the amount, payment method and ad conditions";
            case AD_NOT_AVAILABLE -> "the chosen ad is not on offer: it was withdrawn or never listed, "
                    + "or it is on the same side as this order";
            case OWN_AD -> "you cannot take your own ad";
            case AD_NOT_ELIGIBLE -> "the chosen ad cannot fill this order: check the amount against what the ad has "
                    + "left and its per-order limits, your payment methods and the completed trades it requires";
            case PRICE_LIMIT -> "no ad within your price limit can take this order: the prices on offer are worse"
                    + " than the limit (a BUY's most it pays, a SELL's least it receives); nothing was traded";
        };
    }
}
