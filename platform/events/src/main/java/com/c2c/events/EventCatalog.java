package com.c2c.events;

import com.c2c.events.chain.AddressWatched;
import com.c2c.events.chain.ConfirmedDepositReorged;
import com.c2c.events.chain.DepositConfirmed;
import com.c2c.events.chain.DepositDetected;
import com.c2c.events.chain.DepositReverted;
import com.c2c.events.chain.OutgoingTransferConfirmed;
import com.c2c.events.chain.OutgoingTransferFailed;
import com.c2c.events.escrow.TradeOpened;
import com.c2c.events.escrow.TradeStateChanged;
import com.c2c.events.matching.BookQuantityCancelled;
import com.c2c.events.matching.MarketOpened;
import com.c2c.events.matching.OrderRejected;
import com.c2c.events.matching.TradeMatched;
import com.c2c.events.order.AdAmended;
import com.c2c.events.order.AdListed;
import com.c2c.events.order.AdPosted;
import com.c2c.events.order.AdQuantityRestored;
import com.c2c.events.order.AdWithdrawn;
import com.c2c.events.order.OrderCancelRequested;
import com.c2c.events.order.OrderPlaced;
import com.c2c.events.wallet.AdFundsRejected;
import com.c2c.events.wallet.AdFundsReserved;
import com.c2c.events.wallet.DepositAddressAssigned;
import com.c2c.events.wallet.OutgoingTransferSigned;
import com.c2c.events.wallet.FundsCredited;
import com.c2c.events.wallet.FundsLocked;
import com.c2c.events.wallet.FundsRefunded;
import com.c2c.events.wallet.FundsReleased;
import com.c2c.events.wallet.FundsReserved;
import com.c2c.events.wallet.LockFunds;
import com.c2c.events.wallet.RefundFunds;
import com.c2c.events.wallet.ReleaseFunds;
import com.c2c.events.wallet.ReleaseReservation;
import com.c2c.events.wallet.ReservationReleased;
import com.c2c.events.wallet.ReserveFunds;
import com.c2c.events.wallet.TradeLockRefused;
import com.c2c.events.wallet.WalletCommandRejected;
import com.c2c.events.wallet.WithdrawalStateChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type the platform publishes, with its payload record and topic (the typed form of
 * {@link EventTypes}; {@code EventCatalogTest} checks that the two agree). A consumer binds its handlers to
 * these, so what it can receive is known at start-up.
 */
public final class EventCatalog {
    public static final EventType<AdPosted> AD_POSTED = of(EventTypes.AD_POSTED, AdPosted.class, Topics.ORDER_EVENTS);
    public static final EventType<AdListed> AD_LISTED = of(EventTypes.AD_LISTED, AdListed.class, Topics.ORDER_EVENTS);
    public static final EventType<AdAmended> AD_AMENDED = of(EventTypes.AD_AMENDED, AdAmended.class, Topics.ORDER_EVENTS);
    public static final EventType<AdWithdrawn> AD_WITHDRAWN =
            of(EventTypes.AD_WITHDRAWN, AdWithdrawn.class, Topics.ORDER_EVENTS);
    public static final EventType<AdQuantityRestored> AD_QUANTITY_RESTORED =
            of(EventTypes.AD_QUANTITY_RESTORED, AdQuantityRestored.class, Topics.ORDER_EVENTS);
    public static final EventType<OrderPlaced> ORDER_PLACED =
            of(EventTypes.ORDER_PLACED, OrderPlaced.class, Topics.ORDER_EVENTS);
    public static final EventType<OrderCancelRequested> ORDER_CANCEL_REQUESTED =
            of(EventTypes.ORDER_CANCEL_REQUESTED, OrderCancelRequested.class, Topics.ORDER_EVENTS);

    public static final EventType<MarketOpened> MARKET_OPENED =
            of(EventTypes.MARKET_OPENED, MarketOpened.class, Topics.MATCHING_EVENTS);
    public static final EventType<TradeMatched> TRADE_MATCHED =
            of(EventTypes.TRADE_MATCHED, TradeMatched.class, Topics.MATCHING_EVENTS);
    public static final EventType<OrderRejected> ORDER_REJECTED =
            of(EventTypes.ORDER_REJECTED, OrderRejected.class, Topics.MATCHING_EVENTS);
    public static final EventType<BookQuantityCancelled> BOOK_QUANTITY_CANCELLED =
            of(EventTypes.BOOK_QUANTITY_CANCELLED, BookQuantityCancelled.class, Topics.MATCHING_EVENTS);

    public static final EventType<ReserveFunds> RESERVE_FUNDS =
            of(EventTypes.RESERVE_FUNDS, ReserveFunds.class, Topics.WALLET_COMMANDS);
    public static final EventType<ReleaseReservation> RELEASE_RESERVATION =
            of(EventTypes.RELEASE_RESERVATION, ReleaseReservation.class, Topics.WALLET_COMMANDS);
    public static final EventType<LockFunds> LOCK_FUNDS = of(EventTypes.LOCK_FUNDS, LockFunds.class, Topics.WALLET_COMMANDS);
    public static final EventType<ReleaseFunds> RELEASE_FUNDS =
            of(EventTypes.RELEASE_FUNDS, ReleaseFunds.class, Topics.WALLET_COMMANDS);
    public static final EventType<RefundFunds> REFUND_FUNDS =
            of(EventTypes.REFUND_FUNDS, RefundFunds.class, Topics.WALLET_COMMANDS);

    public static final EventType<FundsCredited> FUNDS_CREDITED =
            of(EventTypes.FUNDS_CREDITED, FundsCredited.class, Topics.WALLET_EVENTS);
    public static final EventType<AdFundsReserved> AD_FUNDS_RESERVED =
            of(EventTypes.AD_FUNDS_RESERVED, AdFundsReserved.class, Topics.WALLET_EVENTS);
    public static final EventType<AdFundsRejected> AD_FUNDS_REJECTED =
            of(EventTypes.AD_FUNDS_REJECTED, AdFundsRejected.class, Topics.WALLET_EVENTS);
    public static final EventType<FundsReserved> FUNDS_RESERVED =
            of(EventTypes.FUNDS_RESERVED, FundsReserved.class, Topics.WALLET_EVENTS);
    public static final EventType<ReservationReleased> RESERVATION_RELEASED =
            of(EventTypes.RESERVATION_RELEASED, ReservationReleased.class, Topics.WALLET_EVENTS);
    // A trade's escrowed funds: read by escrow alone, so on a topic of their own (ADR 0019). Consumers of wallet
    // events still bind them: records published there before the move stay until the topic's retention drops them.
    public static final EventType<FundsLocked> FUNDS_LOCKED =
            of(EventTypes.FUNDS_LOCKED, FundsLocked.class, Topics.TRADE_FUNDS, Topics.WALLET_EVENTS);
    public static final EventType<FundsReleased> FUNDS_RELEASED =
            of(EventTypes.FUNDS_RELEASED, FundsReleased.class, Topics.TRADE_FUNDS, Topics.WALLET_EVENTS);
    public static final EventType<FundsRefunded> FUNDS_REFUNDED =
            of(EventTypes.FUNDS_REFUNDED, FundsRefunded.class, Topics.TRADE_FUNDS, Topics.WALLET_EVENTS);
    // The wallet's refusal of a lock it took on from the book's TradeMatched (ADR 0028): escrow's, like the three above.
    public static final EventType<TradeLockRefused> TRADE_LOCK_REFUSED =
            of(EventTypes.TRADE_LOCK_REFUSED, TradeLockRefused.class, Topics.TRADE_FUNDS);
    public static final EventType<WalletCommandRejected> WALLET_COMMAND_REJECTED =
            of(EventTypes.WALLET_COMMAND_REJECTED, WalletCommandRejected.class, Topics.WALLET_EVENTS);

    // No longer published (ADR 0019: no service used it); still known, so records of it already on the topic
    // are ignored by name rather than dead-lettered as an unknown type.
    public static final EventType<TradeOpened> TRADE_OPENED =
            of(EventTypes.TRADE_OPENED, TradeOpened.class, Topics.ESCROW_EVENTS);
    public static final EventType<TradeStateChanged> TRADE_LOCKED =
            of(EventTypes.TRADE_LOCKED, TradeStateChanged.class, Topics.ESCROW_EVENTS);
    public static final EventType<TradeStateChanged> TRADE_PAID =
            of(EventTypes.TRADE_PAID, TradeStateChanged.class, Topics.ESCROW_EVENTS);
    public static final EventType<TradeStateChanged> TRADE_DISPUTED =
            of(EventTypes.TRADE_DISPUTED, TradeStateChanged.class, Topics.ESCROW_EVENTS);
    public static final EventType<TradeStateChanged> TRADE_COMPLETED =
            of(EventTypes.TRADE_COMPLETED, TradeStateChanged.class, Topics.ESCROW_EVENTS);
    public static final EventType<TradeStateChanged> TRADE_CANCELLED =
            of(EventTypes.TRADE_CANCELLED, TradeStateChanged.class, Topics.ESCROW_EVENTS);

    public static final EventType<DepositAddressAssigned> DEPOSIT_ADDRESS_ASSIGNED =
            of(EventTypes.DEPOSIT_ADDRESS_ASSIGNED, DepositAddressAssigned.class, Topics.WALLET_EVENTS);
    public static final EventType<WithdrawalStateChanged> WITHDRAWAL_STATE_CHANGED =
            of(EventTypes.WITHDRAWAL_STATE_CHANGED, WithdrawalStateChanged.class, Topics.WALLET_EVENTS);
    public static final EventType<OutgoingTransferSigned> OUTGOING_TRANSFER_SIGNED =
            of(EventTypes.OUTGOING_TRANSFER_SIGNED, OutgoingTransferSigned.class, Topics.WALLET_EVENTS);

    public static final EventType<AddressWatched> ADDRESS_WATCHED =
            of(EventTypes.ADDRESS_WATCHED, AddressWatched.class, Topics.CHAIN_EVENTS);
    public static final EventType<DepositDetected> DEPOSIT_DETECTED =
            of(EventTypes.DEPOSIT_DETECTED, DepositDetected.class, Topics.CHAIN_EVENTS);
    public static final EventType<DepositConfirmed> DEPOSIT_CONFIRMED =
            of(EventTypes.DEPOSIT_CONFIRMED, DepositConfirmed.class, Topics.CHAIN_EVENTS);
    public static final EventType<DepositReverted> DEPOSIT_REVERTED =
            of(EventTypes.DEPOSIT_REVERTED, DepositReverted.class, Topics.CHAIN_EVENTS);
    public static final EventType<ConfirmedDepositReorged> CONFIRMED_DEPOSIT_REORGED =
            of(EventTypes.CONFIRMED_DEPOSIT_REORGED, ConfirmedDepositReorged.class, Topics.CHAIN_EVENTS);
    public static final EventType<OutgoingTransferConfirmed> OUTGOING_TRANSFER_CONFIRMED =
            of(EventTypes.OUTGOING_TRANSFER_CONFIRMED, OutgoingTransferConfirmed.class, Topics.CHAIN_EVENTS);
    public static final EventType<OutgoingTransferFailed> OUTGOING_TRANSFER_FAILED =
            of(EventTypes.OUTGOING_TRANSFER_FAILED, OutgoingTransferFailed.class, Topics.CHAIN_EVENTS);

    private static final List<EventType<?>> ALL = List.of(AD_POSTED, AD_LISTED, AD_AMENDED, AD_WITHDRAWN,
            AD_QUANTITY_RESTORED, ORDER_PLACED, ORDER_CANCEL_REQUESTED, MARKET_OPENED, TRADE_MATCHED, ORDER_REJECTED,
            BOOK_QUANTITY_CANCELLED, RESERVE_FUNDS, RELEASE_RESERVATION, LOCK_FUNDS, RELEASE_FUNDS, REFUND_FUNDS,
            FUNDS_CREDITED, AD_FUNDS_RESERVED, AD_FUNDS_REJECTED, FUNDS_RESERVED, RESERVATION_RELEASED, FUNDS_LOCKED,
            FUNDS_RELEASED, FUNDS_REFUNDED, TRADE_LOCK_REFUSED, WALLET_COMMAND_REJECTED, TRADE_OPENED, TRADE_LOCKED,
            TRADE_PAID, TRADE_DISPUTED, TRADE_COMPLETED, TRADE_CANCELLED, DEPOSIT_ADDRESS_ASSIGNED, ADDRESS_WATCHED,
            DEPOSIT_DETECTED, DEPOSIT_CONFIRMED, DEPOSIT_REVERTED, CONFIRMED_DEPOSIT_REORGED, OUTGOING_TRANSFER_SIGNED,
            OUTGOING_TRANSFER_CONFIRMED, OUTGOING_TRANSFER_FAILED, WITHDRAWAL_STATE_CHANGED);
    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    /** The type named {@code name}, empty for one this build does not know (a newer version, a typo). */
    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The types published on {@code topic}. */
    public static List<EventType<?>> onTopic(String topic) {
        return ALL.stream().filter(t -> t.topic().equals(topic)).toList();
    }

    /** The types a consumer of {@code topic} may read there: those published on it and those that moved away. */
    public static List<EventType<?>> readOn(String topic) {
        return ALL.stream().filter(t -> t.readOn(topic)).toList();
    }

    private static <T> EventType<T> of(String name, Class<T> payload, String topic) {
        return new EventType<>(name, payload, topic);
    }

    /** A type that moved to {@code topic} from {@code formerTopic} (ADR 0019). */
    private static <T> EventType<T> of(String name, Class<T> payload, String topic, String formerTopic) {
        return new EventType<>(name, payload, topic, formerTopic);
    }
}
