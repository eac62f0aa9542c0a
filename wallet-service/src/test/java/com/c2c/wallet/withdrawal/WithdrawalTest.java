package com.c2c.wallet.withdrawal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.testkit.As;
import com.c2c.testkit.ConsumedEvent;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.Keycloak;
import com.c2c.testkit.ListWalk;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import com.c2c.testkit.TopicProbe;
import com.c2c.wallet.withdrawal.api.WithdrawalView;
import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

/**
 * Withdrawals against the real PostgreSQL, Kafka and Keycloak tokens: what is refused holds nothing, the hold
 * moves AVAILABLE → WITHDRAWING and back or out exactly once, and the ledger balances after every step.
 * Chain 31337 as configured: minimum 1, fee 1, daily limit 10 000, approval threshold 1 000 USDT; the test
 * profile's cool-down is 2 s. Confirmations and approvals are made with step-up tokens (a sign-in with password
 * and one-time code: amr pwd, otp), and refused with a password-only token.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
class WithdrawalTest {
    static final String TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String TO_LOWER = TO.toLowerCase();
    private static final String HOT_WALLET = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final long USDT = 1_000_000L;

    @Inject
    WithdrawalSettlement settlement;
    @Inject
    com.c2c.wallet.withdrawal.config.WithdrawalConfig config;

    @Test
    void badInputIsRefusedNamingTheFieldAndHoldsNothing() {
        String owner = funded("w-bad", 100);
        refused(owner, Map.of("chainId", 999, "toAddress", TO, "amount", "10"), 400, "chainId");
        // configured for withdrawals, but not the chain the signer sends on: it would be held and never sent
        refused(owner, Map.of("chainId", 1, "toAddress", TO, "amount", "10"), 400, "chainId");
        // one letter's case flipped: the EIP-55 checksum no longer matches
        refused(owner, Map.of("chainId", 31337, "toAddress", TO.replace('C', 'c'), "amount", "10"), 400, "toAddress");
        refused(owner, Map.of("chainId", 31337, "toAddress", "0x1234", "amount", "10"), 400, "toAddress");
        refused(owner, Map.of("chainId", 31337, "toAddress", TO, "amount", "1.0000001"), 400, "amount");
        refused(owner, Map.of("chainId", 31337, "toAddress", TO, "amount", "0.999999"), 400, "amount");
        refused(owner, Map.of("chainId", 31337, "toAddress", TO, "amount", "-5"), 400, "amount");
        As.user(owner).contentType(ContentType.JSON).body(Map.of("chainId", 31337, "toAddress", TO, "amount", "10"))
                .when().post("/api/v1/wallet/withdrawals")
                .then().statusCode(400).body("errors.field", contains("Idempotency-Key"));
        // more than the available balance (amount + fee)
        request(owner, key(), "99.5").statusCode(409).body("type", equalTo("https://c2c.dev/problems/insufficient-funds"));
        assertEquals(100 * USDT, balance(owner, "AVAILABLE"));
        assertEquals(0, balance(owner, "WITHDRAWING"));
        assertEquals(0, TestDatabase.queryLong("select count(*) from withdrawal where owner_id = '" + owner + "'"));
        ledgerBalances();
    }

    @Test
    void theHoldMovesOnceAndARetryFindsTheSameWithdrawal() {
        String owner = funded("w-hold", 100);
        String key = key();
        String id = request(owner, key, "10.5").statusCode(201)
                .body("state", equalTo("AWAITING_USER_CONFIRMATION"))
                .body("toAddress", equalTo(TO))
                .body("fee", equalTo(1.0f))
                .extract().path("id");
        request(owner, key, "10.5").statusCode(200).body("id", equalTo(id));
        // the same key for another withdrawal
        request(owner, key, "11").statusCode(409).body("type", equalTo("https://c2c.dev/problems/idempotency-key-reused"));
        assertEquals(88_500_000L, balance(owner, "AVAILABLE"));
        assertEquals(11_500_000L, balance(owner, "WITHDRAWING"));
        As.user(owner).when().get("/api/v1/wallet/balances").then().statusCode(200)
                .body("find { it.asset == 'USDT' }.available", equalTo(88.5f))
                .body("find { it.asset == 'USDT' }.withdrawing", equalTo(11.5f));
        assertEquals(1, TestDatabase.queryLong("select count(*) from ledger_posting where command_id = 'withdrawal-hold:"
                + id + "'"));
        ledgerBalances();

        As.user(owner).when().get("/api/v1/wallet/withdrawals/" + id).then().statusCode(200).body("amount", equalTo(10.5f));
        As.user("w-stranger").when().get("/api/v1/wallet/withdrawals/" + id).then().statusCode(404);
        As.user("w-stranger").when().post("/api/v1/wallet/withdrawals/" + id + "/cancel").then().statusCode(404);
        assertEquals(11_500_000L, balance(owner, "WITHDRAWING"));

        // over HTTP the realm's tokens are password-only: confirming needs a second factor
        As.user(owner).when().post("/api/v1/wallet/withdrawals/" + id + "/confirm").then().statusCode(403)
                .body("type", equalTo("https://c2c.dev/problems/second-factor-required"));

        As.user(owner).when().post("/api/v1/wallet/withdrawals/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        As.user(owner).when().post("/api/v1/wallet/withdrawals/" + id + "/cancel").then().statusCode(200);
        assertEquals(100 * USDT, balance(owner, "AVAILABLE"));
        assertEquals(0, balance(owner, "WITHDRAWING"));
        ledgerBalances();
        assertEquals(1, TestDatabase.queryLong("select count(*) from audit_entry where action = 'withdrawal.cancel'"
                + " and subject = '" + id + "' and actor = '" + owner + "'"));
    }

    @Test
    void overTheDailyLimitIsRefusedAndHoldsNothing() {
        String owner = funded("w-limit", 20_000);
        known(owner);
        request(owner, key(), "6000").statusCode(201).body("state", equalTo("AWAITING_APPROVAL"));
        request(owner, key(), "4000.000001").statusCode(422).body("errors.field", contains("amount"));
        assertEquals(6001 * USDT, balance(owner, "WITHDRAWING"));
        // exactly up to the limit is fine; a cancelled one no longer counts
        String last = request(owner, key(), "4000").statusCode(201).extract().path("id");
        request(owner, key(), "1").statusCode(422).body("errors.field", contains("amount"));
        As.user(owner).when().post("/api/v1/wallet/withdrawals/" + last + "/cancel").then().statusCode(200);
        request(owner, key(), "1").statusCode(201);
        assertEquals((20_000 - 6001 - 2) * USDT, balance(owner, "AVAILABLE"));
        ledgerBalances();
    }

    @Test
    void twoDistinctAdminsApproveNeverTheRequesterNorOneTwice() {
        String owner = funded("w-big", 5_000);
        known(owner);
        String id = request(owner, key(), "1500").statusCode(201).body("state", equalTo("AWAITING_APPROVAL"))
                .body("approvalsRequired", equalTo(2)).extract().path("id");
        As.user("w-trader").when().post(approve(id)).then().statusCode(403);
        As.user(owner, "admin").when().post(approve(id)).then().statusCode(403)
                .body("type", equalTo("https://c2c.dev/problems/own-withdrawal"));
        As.user("w-admin-1", "admin").when().post(approve(id)).then().statusCode(403)
                .body("type", equalTo("https://c2c.dev/problems/second-factor-required"));
        As.user("w-admin-1", "admin").when().post(approve(UUID.randomUUID().toString())).then().statusCode(404);

        // with a second factor: the requester still may not, an admin once, a second admin completes it
        stepUp(owner, "admin").when().post(approve(id)).then().statusCode(403)
                .body("type", equalTo("https://c2c.dev/problems/own-withdrawal"));
        stepUp("w-trader").when().post(approve(id)).then().statusCode(403);
        stepUp("w-admin-1", "admin").when().post(approve(id)).then().statusCode(200)
                .body("state", equalTo("AWAITING_APPROVAL")).body("approvedBy", contains("w-admin-1"));
        stepUp("w-admin-1", "admin").when().post(approve(id)).then().statusCode(409)
                .body("type", equalTo("https://c2c.dev/problems/already-approved"));
        stepUp("w-admin-2", "admin").when().post(approve(id)).then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("approvedBy", contains("w-admin-1", "w-admin-2"));
        stepUp("w-admin-3", "admin").when().post(approve(id)).then().statusCode(409)
                .body("type", equalTo("https://c2c.dev/problems/withdrawal-state"));
        assertEquals(2, TestDatabase.queryLong("select count(*) from audit_entry where action = 'withdrawal.approve'"
                + " and subject = '" + id + "'"));
        As.admin().when().get("/api/v1/wallet/admin/withdrawals?state=APPROVED&limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.approvedBy", contains("w-admin-1", "w-admin-2"));
        assertEquals(1501 * USDT, balance(owner, "WITHDRAWING"));
        ledgerBalances();
    }

    @Test
    void anAdminRejectsAndTheHoldReturns() {
        String owner = funded("w-reject", 3_000);
        known(owner);
        String id = request(owner, key(), "2000").statusCode(201).extract().path("id");
        As.user("w-trader").contentType(ContentType.JSON).body(Map.of("reason", "no")).when().post(reject(id))
                .then().statusCode(403);
        As.user("w-admin-1", "admin").contentType(ContentType.JSON).body(Map.of("reason", " ")).when().post(reject(id))
                .then().statusCode(400).body("errors.field", contains("reason"));
        As.admin().when().get("/api/v1/wallet/admin/withdrawals?state=AWAITING_APPROVAL&limit=100").then()
                .statusCode(200).body("items.find { it.id == '" + id + "' }.ownerId", equalTo(owner));
        try (TopicProbe events = TopicProbe.open(Topics.WALLET_EVENTS)) {
            As.user("w-admin-1", "admin").contentType(ContentType.JSON).body(Map.of("reason", "destination under review"))
                    .when().post(reject(id)).then().statusCode(200)
                    .body("state", equalTo("REJECTED")).body("reason", equalTo("destination under review"));
            ConsumedEvent event = events.await(e -> EventTypes.WITHDRAWAL_STATE_CHANGED.equals(e.type())
                    && e.data().contains(id) && e.data().contains("\"state\":\"REJECTED\""), Duration.ofSeconds(20));
            assertEquals(owner, event.key());
        }
        As.user(owner).when().post("/api/v1/wallet/withdrawals/" + id + "/cancel").then().statusCode(409);
        assertEquals(3_000 * USDT, balance(owner, "AVAILABLE"));
        assertEquals(0, balance(owner, "WITHDRAWING"));
        assertEquals(1, TestDatabase.queryLong("select count(*) from audit_entry where action = 'withdrawal.reject'"
                + " and subject = '" + id + "' and actor = 'w-admin-1'"));
        ledgerBalances();
    }

    @Test
    void aNewAddressIsConfirmedWithASecondFactorThenCoolsDown() {
        String owner = funded("w-new", 100);
        String id = request(owner, key(), "5").statusCode(201).body("state", equalTo("AWAITING_USER_CONFIRMATION"))
                .extract().path("id");
        stepUp("w-someone-else").when().post("/api/v1/wallet/withdrawals/" + id + "/confirm").then().statusCode(404);
        Instant confirmedAt = Instant.now();
        String until = stepUp(owner).when().post("/api/v1/wallet/withdrawals/" + id + "/confirm").then().statusCode(200)
                .body("state", equalTo("COOLING_DOWN")).extract().path("cooldownUntil");
        Duration cooldown = Duration.between(confirmedAt, Instant.parse(until));
        assertTrue(cooldown.compareTo(config.newAddressCooldown().minusSeconds(1)) > 0, "cool-down " + cooldown);
        stepUp(owner).when().post("/api/v1/wallet/withdrawals/" + id + "/confirm").then().statusCode(200)
                .body("state", equalTo("COOLING_DOWN")).body("cooldownUntil", equalTo(until));
        // the scan moves it on once the cool-down has passed (the test profile: 2 s, scanned every second)
        awaitState(owner, id, "APPROVED", Duration.ofSeconds(15));
        assertEquals(1, TestDatabase.queryLong("select count(*) from audit_entry where action = 'withdrawal.cooled-down'"
                + " and subject = '" + id + "'"));
        // the address is known now: the next withdrawal to it needs no confirmation
        request(owner, key(), "5").statusCode(201).body("state", equalTo("APPROVED"));
        assertEquals(12 * USDT, balance(owner, "WITHDRAWING"));
        ledgerBalances();
    }

    @Test
    void aConfirmedWithdrawalLeavesToCustodyAndFeesOnce() {
        String owner = funded("w-sent", 100);
        known(owner);
        String id = request(owner, key(), "40").statusCode(201).body("state", equalTo("APPROVED")).extract().path("id");
        UUID uuid = UUID.fromString(id);
        assertTrue(await(() -> settlement.approvedReadyToSend(1000)).stream().anyMatch(w -> w.id.equals(uuid)));
        String tx = "0x" + "ab".repeat(32);
        assertEquals(WithdrawalState.SIGNED, await(() -> settlement.signed(uuid, tx)).state);
        As.user(owner).when().post("/api/v1/wallet/withdrawals/" + id + "/cancel").then().statusCode(409);
        assertEquals(WithdrawalState.BROADCAST, await(() -> settlement.broadcast(uuid, tx)).state);
        long custodyBefore = balance("custody:31337:" + HOT_WALLET, "CUSTODY");
        long feesBefore = fees();
        assertEquals(WithdrawalState.CONFIRMED, await(() -> settlement.confirmed(uuid, HOT_WALLET, tx)).state);
        assertEquals(WithdrawalState.CONFIRMED, await(() -> settlement.confirmed(uuid, HOT_WALLET, tx)).state);
        assertEquals(59 * USDT, balance(owner, "AVAILABLE"));
        assertEquals(0, balance(owner, "WITHDRAWING"));
        assertEquals(custodyBefore + 40 * USDT, balance("custody:31337:" + HOT_WALLET, "CUSTODY"));
        assertEquals(feesBefore + USDT, fees());
        assertThrows(IllegalStateException.class, () -> await(() -> settlement.failed(uuid, "reverted")));
        As.user(owner).when().get("/api/v1/wallet/withdrawals/" + id).then().body("txHash", equalTo(tx))
                .body("state", equalTo("CONFIRMED"));
        ledgerBalances();
    }

    @Test
    void aFailedWithdrawalReturnsItsHoldOnce() {
        String owner = funded("w-failed", 100);
        known(owner);
        String id = request(owner, key(), "30").statusCode(201).extract().path("id");
        UUID uuid = UUID.fromString(id);
        assertEquals(WithdrawalState.FAILED, await(() -> settlement.failed(uuid, "blacklisted")).state);
        assertEquals(WithdrawalState.FAILED, await(() -> settlement.failed(uuid, "blacklisted")).state);
        assertEquals(100 * USDT, balance(owner, "AVAILABLE"));
        assertEquals(0, balance(owner, "WITHDRAWING"));
        assertEquals(1, TestDatabase.queryLong("select count(*) from ledger_posting where command_id = 'withdrawal-release:"
                + id + "'"));
        assertThrows(IllegalStateException.class, () -> await(() -> settlement.confirmed(uuid, HOT_WALLET, "0x01")));
        As.user(owner).when().get("/api/v1/wallet/withdrawals/" + id).then().body("reason", equalTo("blacklisted"));
        ledgerBalances();
    }

    @Test
    void listsArePagedByCursorAndOwnOnly() {
        String owner = funded("w-list", 100);
        known(owner);
        for (int i = 0; i < 5; i++) {
            request(owner, key(), "1").statusCode(201);
        }
        var mine = ListWalk.walk(() -> As.user(owner), "/api/v1/wallet/withdrawals", 2, page -> { });
        assertEquals(5, mine.size());
        assertTrue(mine.stream().allMatch(w -> owner.equals(w.get("ownerId"))));
        ListWalk.refusesBadPaging(() -> As.user(owner), "/api/v1/wallet/withdrawals");
        ListWalk.refusesBadPaging(As::admin, "/api/v1/wallet/admin/withdrawals");
        As.admin().queryParam("state", "SENT").when().get("/api/v1/wallet/admin/withdrawals").then().statusCode(400)
                .body("errors.field", contains("state"));
        As.user(owner).when().get("/api/v1/wallet/admin/withdrawals").then().statusCode(403);
    }

    @Test
    void whatWasRequestedCannotBeRewrittenNorRemovedByTheService() {
        String owner = funded("w-sql", 100);
        String id = request(owner, key(), "2").statusCode(201).extract().path("id");
        for (String change : List.of("update withdrawal set amount_micros = 1 where id = '" + id + "'",
                "update withdrawal set to_address = '0x" + "00".repeat(20) + "' where id = '" + id + "'",
                "delete from withdrawal where id = '" + id + "'",
                "delete from withdrawal_address", "update withdrawal_approval set admin_id = 'x'")) {
            assertNotNull(TestDatabase.asService(change), change + " was allowed");
        }
        assertEquals(2 * USDT, TestDatabase.queryLong("select amount_micros from withdrawal where id = '" + id + "'"));
    }

    // --- helpers ---

    static String funded(String prefix, long usdt) {
        String owner = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("w-funder", "admin").contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "asset", "USDT", "amount", String.valueOf(usdt), "reference", "fund-" + owner))
                .when().post("/api/v1/wallet/admin/credits").then().statusCode(201);
        return owner;
    }

    /** The test's address as one the owner confirmed earlier (as the confirmation step records it). */
    static void known(String owner) {
        TestDatabase.update("insert into withdrawal_address (owner_id, chain_id, address, first_confirmed_at) values ('"
                + owner + "', 31337, '" + TO_LOWER + "', now())");
    }

    static String key() {
        return "k-" + UUID.randomUUID();
    }

    static ValidatableResponse request(String owner, String key, String amount) {
        return As.user(owner).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("chainId", 31337, "toAddress", TO, "amount", amount))
                .when().post("/api/v1/wallet/withdrawals").then();
    }

    private static void refused(String owner, Map<String, Object> body, int status, String field) {
        As.user(owner).contentType(ContentType.JSON).header("Idempotency-Key", key()).body(body)
                .when().post("/api/v1/wallet/withdrawals")
                .then().statusCode(status).contentType("application/problem+json").body("errors.field", contains(field));
    }

    /** A request with a fresh step-up token: a sign-in with password and one-time code just now (amr pwd, otp). */
    private static io.restassured.specification.RequestSpecification stepUp(String ownerId, String... roles) {
        return io.restassured.RestAssured.given().header("Authorization",
                Keycloak.personWithOtp(ownerId, roles).stepUpBearer());
    }

    private static String approve(String id) {
        return "/api/v1/wallet/admin/withdrawals/" + id + "/approve";
    }

    private static String reject(String id) {
        return "/api/v1/wallet/admin/withdrawals/" + id + "/reject";
    }

    /** The platform's fees: every FEES account (they are spread over several, see PlatformOwner.feesOwner). */
    static long fees() {
        return TestDatabase.queryLong(
                "select coalesce(sum(balance), 0) from ledger_account where asset = 'USDT' and kind = 'FEES'");
    }

    static long balance(String owner, String kind) {
        return TestDatabase.queryLong("select coalesce((select balance from ledger_account where owner_id = '" + owner
                + "' and asset = 'USDT' and kind = '" + kind + "'), 0)");
    }

    /** Every posting sums to zero and every balance equals its entries. */
    static void ledgerBalances() {
        As.admin().when().get("/api/v1/wallet/admin/totals").then().statusCode(200)
                .body("find { it.asset == 'USDT' }.entriesSum", equalTo("0.000000"))
                .body("find { it.asset == 'USDT' }.balanced", equalTo(true));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitState(String owner, String id, String state, Duration within) {
        Instant deadline = Instant.now().plus(within);
        String seen = null;
        while (Instant.now().isBefore(deadline)) {
            seen = As.user(owner).when().get("/api/v1/wallet/withdrawals/" + id).then().statusCode(200).extract().path("state");
            if (state.equals(seen)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("withdrawal " + id + " is " + seen + ", not " + state + ", after " + within);
    }
}
