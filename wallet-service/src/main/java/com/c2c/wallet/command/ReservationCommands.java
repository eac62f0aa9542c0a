package com.c2c.wallet.command;

import static com.c2c.wallet.command.CommandOutcomes.ASSET;

import com.c2c.events.EventTypes;
import com.c2c.events.wallet.FundsReserved;
import com.c2c.events.wallet.RejectionReason;
import com.c2c.events.wallet.ReleaseReservation;
import com.c2c.events.wallet.ReservationReleased;
import com.c2c.events.wallet.ReserveFunds;
import com.c2c.wallet.command.domain.RejectionMessages;
import com.c2c.wallet.command.domain.WalletCommand;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The order service's commands on an owner's reserved USDT: hold a taker's USDT for a SELL order
 * (available → reserved), and give reserved USDT back (reserved → available). Idempotent by the
 * command id the order service chose.
 */
@ApplicationScoped
public class ReservationCommands {
    private final CommandOutcomes outcomes;
    private final Ledger ledger;

    ReservationCommands(CommandOutcomes outcomes, Ledger ledger) {
        this.outcomes = outcomes;
        this.ledger = ledger;
    }

    public Uni<Void> reserve(ReserveFunds c) {
        WalletCommand command = new WalletCommand(c.commandId(), EventTypes.RESERVE_FUNDS, c.orderId(), c.ownerId(),
                c.quantityMicros());
        List<Leg> legs = command.moves(AccountKind.AVAILABLE, AccountKind.RESERVED);
        return outcomes.answer(command, legs, available -> available < c.quantityMicros()
                ? Uni.createFrom().item(command.reject(RejectionReason.INSUFFICIENT_FUNDS,
                        RejectionMessages.shortOf("available", available, c.quantityMicros())))
                : ledger.post(command.id(), "RESERVE_FOR_ORDER", ASSET, legs)
                        .replaceWith(command.done(EventTypes.FUNDS_RESERVED,
                                new FundsReserved(c.commandId(), c.orderId(), c.ownerId(), c.quantityMicros()))));
    }

    public Uni<Void> release(ReleaseReservation c) {
        WalletCommand command = new WalletCommand(c.commandId(), EventTypes.RELEASE_RESERVATION, c.subjectId(),
                c.ownerId(), c.quantityMicros());
        List<Leg> legs = command.moves(AccountKind.RESERVED, AccountKind.AVAILABLE);
        return outcomes.answer(command, legs, reserved -> reserved < c.quantityMicros()
                ? Uni.createFrom().item(command.reject(RejectionReason.INSUFFICIENT_RESERVED,
                        RejectionMessages.shortOf("reserved", reserved, c.quantityMicros())))
                : ledger.post(command.id(), "RELEASE_RESERVATION", ASSET, legs)
                        .replaceWith(command.done(EventTypes.RESERVATION_RELEASED,
                                new ReservationReleased(c.commandId(), c.subjectId(), c.ownerId(),
                                        c.quantityMicros(), c.reason()))));
    }
}
