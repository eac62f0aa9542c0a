package com.c2c.wallet.deposit.messaging;

import com.c2c.events.EventCatalog;
import com.c2c.events.Topics;
import com.c2c.platform.messaging.consumer.EventConsumer;
import com.c2c.platform.messaging.consumer.Subscription;
import com.c2c.wallet.deposit.DepositCrediting;
import com.c2c.wallet.deposit.SweepSettlement;
import com.c2c.wallet.withdrawal.WithdrawalChainReports;
import jakarta.inject.Singleton;

/**
 * chain-watcher's reports: deposits pending, credited once, reverted, or reorged after credit (ADR 0013), and the
 * signer's transfers final at the chain's depth (withdrawals settled, sweeps posted, ADR 0014).
 * Each is applied in its own transaction; the inbox drops a redelivered event id, and the ledger's command id
 * keeps a deposit reported twice under new ids from being credited twice.
 */
@Singleton
public class ChainEventsConsumer {
    ChainEventsConsumer(EventConsumer consumer, DepositCrediting deposits, WithdrawalChainReports withdrawals,
            SweepSettlement sweeps) {
        consumer.register(Subscription.of("wallet.chain-events", "chain-events", Topics.CHAIN_EVENTS)
                .on(EventCatalog.DEPOSIT_DETECTED, deposits::detected)
                .on(EventCatalog.DEPOSIT_CONFIRMED, deposits::confirmed)
                .on(EventCatalog.DEPOSIT_REVERTED, deposits::reverted)
                .on(EventCatalog.CONFIRMED_DEPOSIT_REORGED, deposits::reorged)
                // chain-watcher's own bookkeeping: the wallet knows its addresses already
                .ignoring(EventCatalog.ADDRESS_WATCHED)
                // the signer's transfers, final at the chain's depth (ADR 0014)
                .on(EventCatalog.OUTGOING_TRANSFER_CONFIRMED, report -> SweepSettlement.SWEEP.equals(report.purpose())
                        ? sweeps.confirmed(report) : withdrawals.confirmed(report))
                .on(EventCatalog.OUTGOING_TRANSFER_FAILED, report -> SweepSettlement.SWEEP.equals(report.purpose())
                        ? sweeps.failed(report) : withdrawals.failed(report))
                .build());
    }
}
