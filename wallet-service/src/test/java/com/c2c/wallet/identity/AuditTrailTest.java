package com.c2c.wallet.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.testkit.As;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.ListWalk;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An admin's credit is recorded with the actor and the request id, readable by admins only, and the
 * record cannot be changed or removed, not even by the service's own database role.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
class AuditTrailTest {

    @Test
    void anAdminCreditIsAuditedWithActorAndRequestId() {
        String owner = "audited-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        As.user("auditor-admin", "admin").contentType(ContentType.JSON).header("X-Request-Id", requestId)
                .body("{\"ownerId\":\"" + owner + "\",\"asset\":\"USDT\",\"amount\":\"12.5\",\"reference\":\"a-" + owner + "\"}")
                .when().post("/api/v1/wallet/admin/credits")
                .then().statusCode(201).header("X-Request-Id", equalTo(requestId));

        As.admin().when().get("/api/v1/audit/wallet-service?limit=100")
                .then().statusCode(200)
                .body("items.find { it.subject == '" + owner + "' }.actor", equalTo("auditor-admin"))
                .body("items.find { it.subject == '" + owner + "' }.action", equalTo("wallet.credit"))
                .body("items.find { it.subject == '" + owner + "' }.requestId", equalTo(requestId))
                .body("items.find { it.subject == '" + owner + "' }.detail", equalTo("12.5 USDT, reference a-" + owner));
        As.user("not-an-admin").when().get("/api/v1/audit/wallet-service").then().statusCode(403);
        ListWalk.refusesBadPaging(As::admin, "/api/v1/audit/wallet-service");
        As.admin().when().get("/api/v1/audit/order-service").then().statusCode(404);

        assertEquals(1L, TestDatabase.queryLong("select count(*) from audit_entry where subject = '" + owner + "'"));
        for (String change : new String[] {"update audit_entry set actor = 'x' where subject = '" + owner + "'",
                "delete from audit_entry where subject = '" + owner + "'", "truncate audit_entry"}) {
            Exception refused = assertThrows(Exception.class, () -> TestDatabase.update(change));
            assertTrue(String.valueOf(refused.getCause()).contains("append-only"), String.valueOf(refused.getCause()));
        }
        assertEquals(1L, TestDatabase.queryLong("select count(*) from audit_entry where subject = '" + owner + "'"));
    }
}
