package com.c2c.wallet.command.messaging;

import com.c2c.events.EventTypes;
import com.c2c.events.wallet.LockFunds;
import com.c2c.events.wallet.RefundFunds;
import com.c2c.events.wallet.ReleaseFunds;
import com.c2c.events.wallet.ReleaseReservation;
import com.c2c.events.wallet.ReserveFunds;
import com.c2c.platform.messaging.inbox.Inbox;
import com.c2c.platform.messaging.inbox.ReceivedEvent;
import com.c2c.wallet.command.ReservationCommands;
import com.c2c.wallet.command.TradeCommands;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The ledger's command topic: every command is applied in its own transaction with its answer. The
 * inbox drops a redelivered event id (its answer was committed with the first delivery); the same
 * command under a new event id is answered again from its recorded outcome.
 */
@ApplicationScoped
public class WalletCommandsConsumer {
    static final Set<String> COMMANDS = Set.of(EventTypes.RESERVE_FUNDS, EventTypes.RELEASE_RESERVATION,
            EventTypes.LOCK_FUNDS, EventTypes.RELEASE_FUNDS, EventTypes.REFUND_FUNDS);

    private final Inbox inbox;
    private final ReservationCommands reservations;
    private final TradeCommands trades;
    private final ObjectMapper json;

    WalletCommandsConsumer(Inbox inbox, ReservationCommands reservations, TradeCommands trades, ObjectMapper json) {
        this.inbox = inbox;
        this.reservations = reservations;
        this.trades = trades;
        this.json = json;
    }

    @Incoming("wallet-commands")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("wallet.commands", message, COMMANDS, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent command) {
        return switch (command.type()) {
            case EventTypes.RESERVE_FUNDS -> reservations.reserve(command.data(json, ReserveFunds.class));
            case EventTypes.RELEASE_RESERVATION -> reservations.release(command.data(json, ReleaseReservation.class));
            case EventTypes.LOCK_FUNDS -> trades.lock(command.data(json, LockFunds.class));
            case EventTypes.RELEASE_FUNDS -> trades.release(command.data(json, ReleaseFunds.class));
            case EventTypes.REFUND_FUNDS -> trades.refund(command.data(json, RefundFunds.class));
            default -> throw new IllegalStateException("not a wallet command: " + command.type());
        };
    }
}
