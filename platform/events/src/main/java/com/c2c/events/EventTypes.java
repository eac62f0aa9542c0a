package com.c2c.events;

/** CloudEvent {@code type} values: {@code c2c.<domain>.<EventName>.v<major>}. */
public final class EventTypes {
    public static final String AD_POSTED = "c2c.order.AdPosted.v1";
    public static final String AD_LISTED = "c2c.order.AdListed.v1";
    public static final String AD_AMENDED = "c2c.order.AdAmended.v1";
    public static final String AD_WITHDRAWN = "c2c.order.AdWithdrawn.v1";
    public static final String AD_QUANTITY_RESTORED = "c2c.order.AdQuantityRestored.v1";
    public static final String ORDER_PLACED = "c2c.order.OrderPlaced.v1";
    public static final String ORDER_CANCEL_REQUESTED = "c2c.order.OrderCancelRequested.v1";
    public static final String MARKET_OPENED = "c2c.matching.MarketOpened.v1";
    public static final String TRADE_MATCHED = "c2c.matching.TradeMatched.v1";
    public static final String ORDER_REJECTED = "c2c.matching.OrderRejected.v1";
    public static final String BOOK_QUANTITY_CANCELLED = "c2c.matching.BookQuantityCancelled.v1";
    public static final String FUNDS_CREDITED = "c2c.wallet.FundsCredited.v1";
    public static final String AD_FUNDS_RESERVED = "c2c.wallet.AdFundsReserved.v1";
    public static final String AD_FUNDS_REJECTED = "c2c.wallet.AdFundsRejected.v1";
    public static final String RESERVE_FUNDS = "c2c.wallet.ReserveFunds.v1";
    public static final String RELEASE_RESERVATION = "c2c.wallet.ReleaseReservation.v1";
    public static final String LOCK_FUNDS = "c2c.wallet.LockFunds.v1";
    public static final String RELEASE_FUNDS = "c2c.wallet.ReleaseFunds.v1";
    public static final String REFUND_FUNDS = "c2c.wallet.RefundFunds.v1";
    public static final String FUNDS_RESERVED = "c2c.wallet.FundsReserved.v1";
    public static final String RESERVATION_RELEASED = "c2c.wallet.ReservationReleased.v1";
    public static final String FUNDS_LOCKED = "c2c.wallet.FundsLocked.v1";
    public static final String FUNDS_RELEASED = "c2c.wallet.FundsReleased.v1";
    public static final String FUNDS_REFUNDED = "c2c.wallet.FundsRefunded.v1";
    public static final String WALLET_COMMAND_REJECTED = "c2c.wallet.WalletCommandRejected.v1";
    public static final String TRADE_LOCK_REFUSED = "c2c.wallet.TradeLockRefused.v1";
    public static final String TRADE_OPENED = "c2c.escrow.TradeOpened.v1";
    public static final String TRADE_LOCKED = "c2c.escrow.TradeLocked.v1";
    public static final String TRADE_PAID = "c2c.escrow.TradePaid.v1";
    public static final String TRADE_DISPUTED = "c2c.escrow.TradeDisputed.v1";
    public static final String TRADE_COMPLETED = "c2c.escrow.TradeCompleted.v1";
    public static final String TRADE_CANCELLED = "c2c.escrow.TradeCancelled.v1";
    public static final String DEPOSIT_ADDRESS_ASSIGNED = "c2c.wallet.DepositAddressAssigned.v1";
    public static final String WITHDRAWAL_STATE_CHANGED = "c2c.wallet.WithdrawalStateChanged.v1";
    public static final String ADDRESS_WATCHED = "c2c.chain.AddressWatched.v1";
    public static final String DEPOSIT_DETECTED = "c2c.chain.DepositDetected.v1";
    public static final String DEPOSIT_CONFIRMED = "c2c.chain.DepositConfirmed.v1";
    public static final String DEPOSIT_REVERTED = "c2c.chain.DepositReverted.v1";
    public static final String CONFIRMED_DEPOSIT_REORGED = "c2c.chain.ConfirmedDepositReorged.v1";
    public static final String OUTGOING_TRANSFER_SIGNED = "c2c.wallet.OutgoingTransferSigned.v1";
    public static final String OUTGOING_TRANSFER_CONFIRMED = "c2c.chain.OutgoingTransferConfirmed.v1";
    public static final String OUTGOING_TRANSFER_FAILED = "c2c.chain.OutgoingTransferFailed.v1";

    private EventTypes() {
    }
}
