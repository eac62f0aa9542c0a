package com.c2c.platform.messaging.sql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CPU one insert costs the JVM, written as an entity, as a Hibernate native query and with {@link PlainSql}
 * (ADR 0020). Short by default (a few hundred transactions, one round: it shows the three ways work and prints
 * rough figures); {@code -Dc2c.bench=full} runs six rounds of 2,000 transactions, alternating 1 and 5 inserts per
 * transaction. The services run with {@code -XX:TieredStopAtLevel=1} (ADR 0018): pass the same as
 * {@code -DargLine=-XX:TieredStopAtLevel=1} to measure what they pay. Figures in docs/performance.md.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(FreshTopicResource.class)
class StatementCostBenchTest {
    private static final boolean FULL = "full".equals(System.getProperty("c2c.bench"));

    @AfterEach
    void clear() {
        given().delete("/test/statement-cost").then().statusCode(200);
    }

    @Test
    void eachWayWritesWhatItIsAskedToAndPrintsItsCost() {
        int rounds = FULL ? 6 : 1;
        int transactions = FULL ? 2_000 : 200;
        long written = 0;
        for (int round = 0; round < rounds; round++) {
            int statements = round % 2 == 0 ? 1 : 5;
            for (String way : new String[] {"entity", "native", "plain"}) {
                Map<String, Object> cost = given().post("/test/statement-cost?way=" + way + "&transactions="
                        + transactions + "&statements=" + statements).then().statusCode(200).extract().jsonPath()
                        .getMap("$");
                written += (long) transactions * statements;
                assertEquals(written, ((Number) cost.get("rows")).longValue(), way + " wrote every row it was asked to");
                System.out.printf("statement cost: round %d, %-6s %d x %d inserts: %s us CPU, %s us wall per transaction%n",
                        round, way, transactions, statements, cost.get("cpuMicrosPerTransaction"),
                        cost.get("wallMicrosPerTransaction"));
            }
        }
    }
}
