package com.c2c.wallet.command;

import static com.c2c.wallet.command.Commands.assertBalances;
import static com.c2c.wallet.command.Commands.balance;
import static com.c2c.wallet.command.Commands.fund;
import static com.c2c.wallet.command.Commands.postings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import com.c2c.wallet.command.Commands.Command;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every command delivered again — the same event (a relay that resent it) and the same command under
 * a new event id (a sender that sent it again) — posts once; the new event id is answered again, with
 * the first answer's data.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-commands"))
class WalletCommandReplayTest {

    @ConfigProperty(name = "c2c.in.wallet-commands")
    String commands;

    @ConfigProperty(name = "c2c.in.order-events")
    String orderEvents;

    @Test
    void everyCommandDeliveredTwiceMovesOnceAndIsAnsweredAgain() {
        String seller = "seller-" + UUID.randomUUID();
        String buyer = "buyer-" + UUID.randomUUID();
        fund(seller, "100");
        long feesBefore = Commands.fees();
        UUID order = UUID.randomUUID();
        UUID released = UUID.randomUUID();
        UUID refunded = UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.WALLET_EVENTS, Topics.TRADE_FUNDS)) {
            Replay replay = new Replay(events, out);
            replay.twice(Commands.reserve("reserve-order:" + order, order, seller, 40_000_000), EventTypes.FUNDS_RESERVED);
            replay.twice(Commands.releaseReservation("release-order:" + order, order, seller, 5_000_000),
                    EventTypes.RESERVATION_RELEASED);
            replay.twice(Commands.lock(released, seller, buyer, 10_000_000), EventTypes.FUNDS_LOCKED);
            replay.twice(Commands.release(released, seller, buyer, 10_000_000), EventTypes.FUNDS_RELEASED);
            replay.twice(Commands.lock(refunded, seller, buyer, 5_000_000), EventTypes.FUNDS_LOCKED);
            replay.twice(Commands.refund(refunded, seller, 5_000_000), EventTypes.FUNDS_REFUNDED);

            // All one seller's, so on one partition in order: after the last answer, no other can still come.
            for (UUID subject : List.of(order, released, refunded)) {
                assertEquals(4, out.seen().stream()
                        .filter(e -> subject.toString().equals(e.cloudEvent().get("subject"))).count(), "answers");
            }
        }
        assertBalances(seller, 65_000_000, 25_000_000, 0);
        assertBalances(buyer, 9_990_000, 0, 0);
        assertEquals(feesBefore + 10_000, Commands.fees());
        for (String id : new String[] {"reserve-order:" + order, "release-order:" + order, "lock:" + released,
                "release:" + released, "lock:" + refunded, "refund:" + refunded}) {
            assertEquals(1, postings(id), id);
        }
        Commands.assertConserved();
    }

    @Test
    void anAdAndAnOrderReachingForTheSameUsdtAtOnceCannotBothHaveIt() {
        String seller = "seller-" + UUID.randomUUID();
        fund(seller, "100");
        UUID ad = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.WALLET_EVENTS, Topics.TRADE_FUNDS)) {
            // Two channels, two consumer threads: each sees 100 available, only one may take 60 of it.
            events.publish(orderEvents, "USDT-CNY", UUID.randomUUID().toString(), EventTypes.AD_POSTED, """
                    {"adId":"%s","ownerId":"%s","market":"USDT-CNY","side":"SELL","priceMinor":720,
                     "quantityMicros":60000000,"minOrderMinor":10000,"maxOrderMinor":500000,
                     "paymentMethods":["ALIPAY"],"paymentWindowMinutes":15}""".formatted(ad, seller));
            Command reserve = Commands.reserve("reserve-order:" + order, order, seller, 60_000_000);
            events.publish(commands, reserve.key(), UUID.randomUUID().toString(), reserve.type(), reserve.json());

            ConsumedEvent adAnswer = out.await(e -> ad.toString().equals(e.cloudEvent().get("subject")), Commands.DEADLINE);
            ConsumedEvent orderAnswer = Commands.answers(out, order, orderAnswerType(adAnswer), 1).get(0);
            assertEquals(seller, orderAnswer.key());
        }
        assertBalances(seller, 40_000_000, 60_000_000, 0);
        Commands.assertConserved();
    }

    /** Whoever lost the race was rejected: the order is answered with the opposite of the ad. */
    private static String orderAnswerType(ConsumedEvent adAnswer) {
        return EventTypes.AD_FUNDS_RESERVED.equals(adAnswer.type())
                ? EventTypes.WALLET_COMMAND_REJECTED
                : EventTypes.FUNDS_RESERVED;
    }

    /** Sends a command three times (event e1, e1 again, then e2) and checks the answers. */
    private final class Replay {
        private final TestEvents events;
        private final TopicProbe out;

        Replay(TestEvents events, TopicProbe out) {
            this.events = events;
            this.out = out;
        }

        void twice(Command command, String answerType) {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            events.publish(commands, command.key(), first, command.type(), command.json());
            events.publish(commands, command.key(), first, command.type(), command.json());
            events.publish(commands, command.key(), second, command.type(), command.json());
            List<ConsumedEvent> answers = Commands.answers(out, command.subject(), answerType, 2);
            assertEquals(answers.get(0).data(), answers.get(1).data());
            assertEquals(command.key(), answers.get(1).key());
            await().atMost(Commands.DEADLINE).until(() -> TestDatabase.queryLong(
                    "select count(*) from inbox_event where consumer = 'wallet.commands' and event_id in ('"
                            + first + "', '" + second + "')") == 2);
        }
    }
}
