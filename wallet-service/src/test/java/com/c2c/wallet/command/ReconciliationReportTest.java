package com.c2c.wallet.command;

import static com.c2c.wallet.command.Commands.answer;
import static com.c2c.wallet.command.Commands.assertBalances;
import static com.c2c.wallet.command.Commands.balance;
import static com.c2c.wallet.command.Commands.fund;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.testkit.As;
import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The wallet's reconciliation report is the ledger's RESERVED and LOCKED balances of USDT, per owner, to
 * the micro-unit; owners holding nothing are not in it; only admins read it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-commands"))
class ReconciliationReportTest extends CommandTopics {
    private static final String REPORT = "/api/v1/reconciliation/wallet-service";

    private final String seller = "recon-seller-" + UUID.randomUUID();
    private final String other = "recon-other-" + UUID.randomUUID();
    private final String buyer = "recon-buyer-" + UUID.randomUUID();

    @Test
    void theReportIsTheLedgersReservedAndLockedBalancesPerOwner() {
        fund(seller, "100");
        fund(other, "40");
        UUID order = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + order, order, seller, 30_000_001));
        answer(out, order, EventTypes.FUNDS_RESERVED);
        UUID trade = UUID.randomUUID();
        send(Commands.lock(trade, seller, buyer, 10_000_000));
        answer(out, trade, EventTypes.FUNDS_LOCKED);
        UUID otherOrder = UUID.randomUUID();
        send(Commands.reserve("reserve-order:" + otherOrder, otherOrder, other, 5_000_000));
        answer(out, otherOrder, EventTypes.FUNDS_RESERVED);
        send(Commands.releaseReservation("release:" + otherOrder, otherOrder, other, 5_000_000));
        answer(out, otherOrder, EventTypes.RESERVATION_RELEASED);
        assertBalances(seller, 69_999_999, 20_000_001, 10_000_000);

        JsonPath report = As.admin().when().get(REPORT).then().statusCode(200)
                .body("service", equalTo("wallet-service"))
                .extract().jsonPath();
        assertTrue(report.getString("asOf") != null);
        assertEquals(Map.of("ownerId", seller, "reservedMicros", 20_000_001, "lockedMicros", 10_000_000),
                holdOf(report, seller));
        assertEquals(null, holdOf(report, other), "an owner who holds nothing is not listed");
        assertEquals(null, holdOf(report, buyer), "available USDT is no hold");

        // the same numbers as the ledger's own balances (other tests' owners may move meanwhile: only ours)
        assertEquals(balance(seller, "RESERVED"), ((Number) holdOf(report, seller).get("reservedMicros")).longValue());
        assertEquals(balance(seller, "LOCKED"), ((Number) holdOf(report, seller).get("lockedMicros")).longValue());
        List<String> owners = report.getList("holds.ownerId");
        assertEquals(owners.stream().sorted().toList(), owners, "ordered by owner id");
    }

    @Test
    void onlyAdminsReadItAndOnlyUnderThisServicesName() {
        given().when().get(REPORT).then().statusCode(401);
        As.user("recon-trader", "trader").when().get(REPORT).then().statusCode(403);
        As.admin().when().get("/api/v1/reconciliation/order-service").then().statusCode(404)
                .body("ownerId", nullValue());
    }

    private static Map<String, Object> holdOf(JsonPath report, String owner) {
        return report.getMap("holds.find { it.ownerId == '" + owner + "' }");
    }
}
