package com.c2c.wallet.command;

import static com.c2c.wallet.command.Commands.answer;
import static com.c2c.wallet.command.Commands.fund;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import com.c2c.wallet.command.Commands.Command;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a test of the wallet's commands talks to, opened fresh for each test: a publisher on the test run's own
 * command topic and a probe on the topics the wallet answers on. After each test the ledger must still be
 * conserved.
 */
abstract class CommandTopics {
    @ConfigProperty(name = "c2c.in.wallet-commands")
    String commands;

    protected TestEvents events;
    protected TopicProbe out;

    @BeforeEach
    void openTopics() {
        events = new TestEvents();
        out = TopicProbe.open(Topics.WALLET_EVENTS, Topics.TRADE_FUNDS);
    }

    @AfterEach
    void closeTopics() {
        out.close();
        events.close();
        Commands.assertConserved();
    }

    /** The command, as its sender would publish it (under a new event id each time). */
    protected void send(Command command) {
        events.publish(commands, command.key(), UUID.randomUUID().toString(), command.type(), command.json());
    }

    /** {@code funded} USDT credited to the owner, {@code reservedMicros} of it reserved by an order. */
    protected void fundAndReserve(String owner, String funded, long reservedMicros) {
        fund(owner, funded);
        UUID order = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + order, order, owner, reservedMicros));
        answer(out, order, EventTypes.FUNDS_RESERVED);
    }
}
