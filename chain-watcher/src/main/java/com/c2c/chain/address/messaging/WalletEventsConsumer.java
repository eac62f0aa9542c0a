package com.c2c.chain.address.messaging;

import com.c2c.chain.address.WatchService;
import com.c2c.chain.outgoing.OutgoingTransfers;
import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import jakarta.inject.Singleton;

/**
 * Deposit addresses the wallet hands out become watched addresses, and transfers its signer sends are followed until
 * final; the wallet's other events are not ours.
 */
@Singleton
public class WalletEventsConsumer {
    WalletEventsConsumer(EventConsumer consumer, WatchService watcher, OutgoingTransfers outgoing) {
        consumer.register(Subscription.of("chain.wallet-events", "wallet-events", Topics.WALLET_EVENTS)
                .on(EventCatalog.DEPOSIT_ADDRESS_ASSIGNED, watcher::assigned)
                .on(EventCatalog.OUTGOING_TRANSFER_SIGNED, outgoing::signed)
                // ledger outcomes of ads, orders and trades
                .ignoring(EventCatalog.FUNDS_CREDITED, EventCatalog.AD_FUNDS_RESERVED, EventCatalog.AD_FUNDS_REJECTED,
                        EventCatalog.FUNDS_RESERVED, EventCatalog.RESERVATION_RELEASED, EventCatalog.FUNDS_LOCKED,
                        EventCatalog.FUNDS_RELEASED, EventCatalog.FUNDS_REFUNDED, EventCatalog.WALLET_COMMAND_REJECTED,
                        EventCatalog.WITHDRAWAL_STATE_CHANGED)
                .build());
    }
}
