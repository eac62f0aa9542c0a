package com.c2c.wallet.command;

import static com.c2c.wallet.command.Commands.answer;
import static com.c2c.wallet.command.Commands.fund;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.As;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestEvents;
import com.c2c.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Above its owner limit the report refuses with a problem rather than answer part of the platform. */
@QuarkusTest
@TestProfile(ReconciliationReportCapTest.OneOwner.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-commands"))
class ReconciliationReportCapTest {
    public static class OneOwner implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("c2c.reconciliation.max-owners", "1");
        }
    }

    @ConfigProperty(name = "c2c.in.wallet-commands")
    String commands;

    @Test
    void moreOwnersThanTheLimitAnswer503() {
        try (TestEvents events = new TestEvents(); TopicProbe out = TopicProbe.open(Topics.WALLET_EVENTS)) {
            for (int i = 0; i < 2; i++) {
                String owner = "recon-cap-" + UUID.randomUUID();
                fund(owner, "10");
                UUID order = UUID.randomUUID();
                var c = Commands.reserve("reserve-order:" + order, order, owner, 1_000_000);
                events.publish(commands, c.key(), UUID.randomUUID().toString(), c.type(), c.json());
                answer(out, order, EventTypes.FUNDS_RESERVED);
            }
        }
        As.admin().when().get("/api/v1/reconciliation/wallet-service").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", endsWith("report-too-large"))
                .body("detail", containsString("more than 1 owners"));
    }
}
