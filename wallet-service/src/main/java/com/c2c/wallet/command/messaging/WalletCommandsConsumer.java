package com.c2c.wallet.command.messaging;

import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import com.c2c.wallet.command.ReservationCommands;
import com.c2c.wallet.command.TradeCommands;
import jakarta.inject.Singleton;

/**
 * The ledger's command topic: every command is applied in its own transaction with its answer. The
 * inbox drops a redelivered event id (its answer was committed with the first delivery); the same
 * command under a new event id is answered again from its recorded outcome.
 */
@Singleton
public class WalletCommandsConsumer {
    WalletCommandsConsumer(EventConsumer consumer, ReservationCommands reservations, TradeCommands trades) {
        consumer.register(Subscription.of("wallet.commands", "wallet-commands", Topics.WALLET_COMMANDS)
                .on(EventCatalog.RESERVE_FUNDS, reservations::reserve)
                .on(EventCatalog.RELEASE_RESERVATION, reservations::release)
                .on(EventCatalog.LOCK_FUNDS, trades::lock)
                .on(EventCatalog.RELEASE_FUNDS, trades::release)
                .on(EventCatalog.REFUND_FUNDS, trades::refund)
                .build());
    }
}
