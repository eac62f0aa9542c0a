package com.c2c.escrow.trade;

import com.c2c.events.Topics;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a trade test talks to, opened fresh for each test: a publisher for the events escrow consumes,
 * and probes on the commands it sends the wallet and on the lifecycle events it announces.
 */
abstract class TradeTopics {
    protected TestEvents events;
    protected TopicProbe commands;
    protected TopicProbe escrowEvents;

    @BeforeEach
    void openTopics() {
        events = new TestEvents();
        commands = TopicProbe.open(Topics.WALLET_COMMANDS);
        escrowEvents = TopicProbe.open(Topics.ESCROW_EVENTS);
    }

    @AfterEach
    void closeTopics() {
        events.close();
        commands.close();
        escrowEvents.close();
    }
}
