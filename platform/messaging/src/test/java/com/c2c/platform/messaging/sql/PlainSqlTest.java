package com.c2c.platform.messaging.sql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plain SQL runs on the transaction's own connection: its statements see each other, commit and roll back with
 * the transaction, and a refused one fails with PostgreSQL's SQLSTATE (what the failure classification reads).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(FreshTopicResource.class)
class PlainSqlTest {

    @Test
    void statementsSeeEachOtherAndCommitWithTheTransaction() {
        String id = UUID.randomUUID().toString();
        given().post("/test/plain-sql/inbox?id=" + id).then().statusCode(200)
                .body("first", equalTo(1))
                .body("second", equalTo(0))
                .body("rows", equalTo(1))
                .body("eventId", equalTo(id))
                .body("type", equalTo("first"))
                .body("nullParameterIsNull", equalTo(true))
                .body("loneNullParameterIsNull", equalTo(true))
                // an Instant parameter was bound as a timestamptz; a timestamptz comes back as an OffsetDateTime
                .body("receivedAtType", equalTo("OffsetDateTime"));
        given().post("/test/plain-sql/count?id=" + id).then().statusCode(200).body(equalTo("1"));
    }

    /** The platform's default (META-INF/microprofile-config.properties): a connection prepares a statement once. */
    @Test
    void aStatementIsPreparedOncePerConnectionAndKept() {
        given().post("/test/plain-sql/prepared").then().statusCode(200).body(equalTo("1"));
        given().post("/test/plain-sql/prepared").then().statusCode(200).body(equalTo("1"));
    }

    @Test
    void aFailedTransactionLeavesNothingOfItsStatements() {
        String id = UUID.randomUUID().toString();
        given().post("/test/plain-sql/inbox?fail=true&id=" + id).then().statusCode(500);
        given().post("/test/plain-sql/count?id=" + id).then().statusCode(200).body(equalTo("0"));
    }

    @Test
    void aRefusedStatementFailsWithPostgresqlsSqlstate() {
        String id = UUID.randomUUID().toString();
        given().post("/test/plain-sql/duplicate?id=" + id).then().statusCode(200).body("$", hasItem("23505"));
        given().post("/test/plain-sql/count?id=" + id).then().statusCode(200).body(equalTo("0"));
    }
}
