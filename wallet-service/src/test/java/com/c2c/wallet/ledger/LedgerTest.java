package com.c2c.wallet.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.platform.web.Cursor;
import com.c2c.platform.web.TimeAndId;
import com.c2c.testkit.As;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.ListWalk;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The double-entry ledger on the real PostgreSQL: postings balance, balances follow, SQL refuses the rest. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
class LedgerTest {

    @Test
    void creditsArePostedOnceAndBalancesFollowTheEntries() {
        String owner = "alice-" + UUID.randomUUID();
        credit(owner, "2500.5", "ref-a-" + owner, 201);
        credit(owner, "100", "ref-b-" + owner, 201);
        credit(owner, "2500.5", "ref-a-" + owner, 200); // the same command again moves nothing

        As.user(owner).when().get("/api/v1/wallet/balances")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].asset", equalTo("USDT"))
                .body("[0].available", equalTo(2600.5f))
                .body("[0].locked", equalTo(0f));
        As.user(owner).when().get("/api/v1/wallet/ledger")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].amount", equalTo(100f))
                .body("items[0].balanceAfter", equalTo(2600.5f))
                .body("items[1].commandId", equalTo("funding-credit:ref-a-" + owner))
                .body("hasMore", equalTo(false));

        assertEquals(2_600_500_000L, TestDatabase.queryLong(
                "select balance from ledger_account where owner_id = '" + owner + "' and kind = 'AVAILABLE'"));
        assertConserved();
    }

    @Test
    void theDatabaseRefusesUnbalancedPostingsOverdraftsAndRewrites() {
        String owner = "bob-" + UUID.randomUUID();
        credit(owner, "10", "ref-" + owner, 201);
        long account = TestDatabase.queryLong(
                "select id from ledger_account where owner_id = '" + owner + "' and kind = 'AVAILABLE'");
        long platform = TestDatabase.queryLong(
                "select id from ledger_account where owner_id = 'platform' and kind = 'EXTERNAL_FUNDING'");

        refused("does not balance", () -> TestDatabase.update(posting(UUID.randomUUID(),
                "(" + account + ", 5000000)")));
        refused("ledger_account_not_negative", () -> TestDatabase.update(posting(UUID.randomUUID(),
                "(" + account + ", -11000000), (" + platform + ", 11000000)")));
        refused("immutable", () -> TestDatabase.update("update ledger_entry set amount = amount * 2"));

        // Its statements are bounded in time, and so are its idle transactions (deploy/local/postgres.sh).
        assertEquals(null, TestDatabase.asService("""
                do $$ begin
                  if current_setting('statement_timeout') <> '30s'
                     or current_setting('idle_in_transaction_session_timeout') <> '1min' then
                    raise exception 'unbounded: statement_timeout %, idle_in_transaction_session_timeout %',
                      current_setting('statement_timeout'), current_setting('idle_in_transaction_session_timeout');
                  end if;
                end $$"""));

        assertEquals(10_000_000L, TestDatabase.queryLong("select balance from ledger_account where id = " + account));
        assertConserved();
    }

    @Test
    void badPagingAndAnonymousCallersAreRefused() {
        As.user("carol").when().get("/api/v1/wallet/ledger?limit=500")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        ListWalk.refusesBadPaging(() -> As.user("carol"), "/api/v1/wallet/ledger");
        // A (time, id) position of another list is not an entry's.
        As.user("carol").queryParam("cursor", Cursor.encode(new TimeAndId(Instant.now(), UUID.randomUUID())))
                .when().get("/api/v1/wallet/ledger").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().when().get("/api/v1/wallet/balances").then().statusCode(401);
        given().when().get("/api/v1/wallet/ledger").then().statusCode(401);
    }

    @Test
    void myLedgerPagesNewestFirstByCursorAcrossMyAccountsAndNewEntriesShiftNothing() {
        String owner = "pager-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            credit(owner, "10", "ref-" + i + "-" + owner, 201);
        }
        long available = TestDatabase.queryLong(
                "select id from ledger_account where owner_id = '" + owner + "' and kind = 'AVAILABLE'");
        TestDatabase.update("insert into ledger_account (owner_id, asset, kind) values ('" + owner + "', 'USDT', 'RESERVED')");
        long reserved = TestDatabase.queryLong(
                "select id from ledger_account where owner_id = '" + owner + "' and kind = 'RESERVED'");
        // Entries in two of the owner's accounts, interleaved: the page is merged from both.
        Runnable reserveOne = () -> TestDatabase.update(posting(UUID.randomUUID(),
                "(" + available + ", -1000000), (" + reserved + ", 1000000)"));
        reserveOne.run();
        reserveOne.run();
        List<String> before = entriesNewestFirst(owner);
        assertEquals(7, before.size());

        // Entries made while the owner pages are newer than the cursor: above it, not pushed into later pages.
        var seen = ListWalk.walk(() -> As.user(owner), "/api/v1/wallet/ledger", 2, page -> {
            credit(owner, "1", "ref-later-" + page + "-" + owner, 201);
            reserveOne.run();
        });
        assertEquals(before, ListWalk.field(seen, "id"));
        List<String> now = entriesNewestFirst(owner);
        assertEquals(before.size() + 3 * 3, now.size(), "three pages were followed by one credit and one move each");
        assertEquals(now, ListWalk.field(ListWalk.walk(() -> As.user(owner), "/api/v1/wallet/ledger", 3, page -> { }), "id"));
        assertConserved();
    }

    private static List<String> entriesNewestFirst(String owner) {
        return List.of(TestDatabase.queryString("select string_agg(e.id::text, ',' order by e.id desc) from ledger_entry e"
                + " join ledger_account a on a.id = e.account_id where a.owner_id = '" + owner + "'").split(","));
    }

    @Test
    void anAdminSeesAnyOwnersBalancesAndTheLedgerTotals() {
        String owner = "erin-" + UUID.randomUUID();
        credit(owner, "250.5", "ref-" + owner, 201);
        As.user("admin1", "admin")
                .when().get("/api/v1/wallet/admin/balances/" + owner)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].asset", equalTo("USDT"))
                .body("[0].available", equalTo(250.5f))
                .body("[0].reserved", equalTo(0f))
                .body("[0].locked", equalTo(0f));

        As.user("admin1", "admin")
                .when().get("/api/v1/wallet/admin/totals")
                .then().statusCode(200)
                .body("find { it.asset == 'USDT' }.entriesSum", equalTo("0.000000"))
                .body("find { it.asset == 'USDT' }.externalFunding", equalTo(usdt(
                        "select balance from ledger_account where owner_id = 'platform' and kind = 'EXTERNAL_FUNDING'")))
                .body("find { it.asset == 'USDT' }.byKind.AVAILABLE", equalTo(usdt(
                        "select sum(balance) from ledger_account where asset = 'USDT' and kind = 'AVAILABLE'")))
                .body("find { it.asset == 'USDT' }.byKind.FEES", equalTo(usdt(
                        "select coalesce(sum(balance), 0) from ledger_account where asset = 'USDT' and kind = 'FEES'")))
                .body("find { it.asset == 'USDT' }.balanced", equalTo(true));
    }

    @Test
    void theTotalsShowAnAccountWhoseBalanceDriftedFromItsEntries() {
        // An asset of its own, so the drift never touches what other tests check; removed again below.
        TestDatabase.update("insert into ledger_account (owner_id, asset, kind, balance) values ('drift', 'XTS', 'LOCKED', 5)");
        try {
            As.user("admin1", "admin")
                    .when().get("/api/v1/wallet/admin/totals")
                    .then().statusCode(200)
                    .body("find { it.asset == 'XTS' }.entriesSum", equalTo("0.000000"))
                    .body("find { it.asset == 'XTS' }.byKind.LOCKED", equalTo("0.000005"))
                    .body("find { it.asset == 'XTS' }.byKind.AVAILABLE", equalTo("0.000000"))
                    .body("find { it.asset == 'XTS' }.externalFunding", equalTo("0.000000"))
                    .body("find { it.asset == 'XTS' }.balanced", equalTo(false));
        } finally {
            TestDatabase.update("delete from ledger_account where asset = 'XTS'");
        }
    }

    @Test
    void theAdminViewsNeedTheAdminRole() {
        for (String path : new String[] {"/api/v1/wallet/admin/totals", "/api/v1/wallet/admin/balances/erin"}) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json");
            As.user("erin", "arbiter")
                    .when().get(path).then().statusCode(403).contentType("application/problem+json");
        }
    }

    /**
     * The service's own database role (the one it runs as) cannot rewrite history or write a balance: every
     * statement below answers "permission denied" (SQLSTATE 42501), while everything else in this module's
     * tests runs as that same role. Before each service had a role of its own, all of these succeeded.
     */
    @Test
    void theServicesRoleCannotChangeRemoveOrEmptyTheLedgerNorWriteABalance() {
        String owner = "frank-" + UUID.randomUUID();
        credit(owner, "10", "ref-" + owner, 201);
        long account = TestDatabase.queryLong(
                "select id from ledger_account where owner_id = '" + owner + "' and kind = 'AVAILABLE'");
        String anyPosting = "(select id from ledger_posting limit 1)";
        for (String sql : new String[] {
                "update ledger_entry set amount = amount * 2",
                "update ledger_entry set balance_after = 0 where account_id = " + account,
                "delete from ledger_entry where account_id = " + account,
                "truncate ledger_entry cascade",
                "update ledger_posting set kind = 'X' where id = " + anyPosting,
                "delete from ledger_posting where id = " + anyPosting,
                "truncate ledger_posting cascade",
                "update ledger_account set balance = balance + 1000000 where id = " + account,
                "update ledger_account set allow_negative = true where id = " + account,
                "delete from ledger_account where id = " + account,
                "truncate ledger_account cascade",
                "insert into ledger_account (owner_id, asset, kind, balance) values ('" + owner + "', 'XTS', 'AVAILABLE', 5)",
                "update wallet_command_outcome set outcome_type = 'X'",
                "delete from wallet_command_outcome",
                "truncate wallet_command_outcome",
                "update funding_credit set amount_micros = 1",
                "delete from funding_credit",
                "update trade_lock set quantity_micros = 1",
                "delete from trade_lock",
                "truncate trade_lock",
                "delete from audit_entry",
                "select * from flyway_schema_history",
                "create table sneaky (id int)",
                "alter table ledger_account drop constraint ledger_account_not_negative",
                "drop trigger ledger_entry_apply on ledger_entry"}) {
            SQLException refused = TestDatabase.asService(sql);
            assertTrue(refused != null, "the service's role was allowed: " + sql);
            assertTrue("42501".equals(refused.getSQLState()) || refused.getMessage().contains("must be owner"),
                    sql + " -> " + refused.getSQLState() + " " + refused.getMessage());
        }
        // Creating an account is allowed, with a zero balance and no overdraft unless it is the funding contra account.
        assertEquals(null, TestDatabase.asService("insert into ledger_account (owner_id, asset, kind) values ('"
                + owner + "', 'XTS', 'AVAILABLE')"));
        SQLException negative = TestDatabase.asService("insert into ledger_account (owner_id, asset, kind, allow_negative) "
                + "values ('" + owner + "', 'XTS', 'LOCKED', true)");
        assertTrue(negative != null && negative.getMessage().contains("ledger_account_negative_only_contra"),
                String.valueOf(negative));
        TestDatabase.update("delete from ledger_account where asset = 'XTS'");

        assertEquals(10_000_000L, TestDatabase.queryLong("select balance from ledger_account where id = " + account));
        assertConserved();
        As.user("admin1", "admin").when().get("/api/v1/wallet/admin/totals")
                .then().statusCode(200).body("balanced", everyItem(equalTo(true)));
    }

    private static String usdt(String sql) {
        return java.math.BigDecimal.valueOf(TestDatabase.queryLong(sql), 6).toPlainString();
    }

    private static void refused(String because, Executable sql) {
        IllegalStateException e = assertThrows(IllegalStateException.class, sql);
        assertTrue(e.getCause().getMessage().contains(because), e.getCause().getMessage());
    }

    /** Every asset's entries sum to zero, and so do its balances (they are the entries, summed). */
    private static void assertConserved() {
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from (select a.asset from ledger_entry e join ledger_account a on a.id = e.account_id "
                        + "group by a.asset having sum(e.amount) <> 0) unbalanced"));
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from (select asset from ledger_account group by asset having sum(balance) <> 0) b"));
        assertEquals(0L, TestDatabase.queryLong(
                "select count(*) from ledger_account a where a.balance <> "
                        + "(select coalesce(sum(amount), 0) from ledger_entry e where e.account_id = a.id)"));
    }

    private static String posting(UUID id, String entries) {
        return "insert into ledger_posting (id, command_id, kind, asset) values ('" + id + "', 'test-" + id
                + "', 'TEST', 'USDT'); insert into ledger_entry (posting_id, account_id, amount, balance_after) "
                + "select '" + id + "', v.account, v.amount, 0 from (values " + entries + ") as v(account, amount)";
    }

    private static void credit(String owner, String amount, String reference, int status) {
        As.user("admin1", "admin").contentType(ContentType.JSON)
                .body("{\"ownerId\":\"" + owner + "\",\"asset\":\"USDT\",\"amount\":\"" + amount
                        + "\",\"reference\":\"" + reference + "\"}")
                .when().post("/api/v1/wallet/admin/credits")
                .then().statusCode(status);
    }
}
