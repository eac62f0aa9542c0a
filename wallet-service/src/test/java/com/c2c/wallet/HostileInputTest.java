package com.c2c.wallet;

import com.c2c.testkit.HostileInputSweep;
import com.c2c.testkit.ListContract;
import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestCaller;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every operation of the API, sent malformed and extreme values: refused (4xx) and in time, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
@QuarkusTestResource(KafkaResource.class)
class HostileInputTest {

    @Test
    void aUserCannotBreakTheApi() {
        HostileInputSweep.sweep("a user", TestCaller.user("hostile-user"));
    }

    @Test
    void anAdminCannotEither() {
        HostileInputSweep.sweep("an admin", TestCaller.withRoles("hostile-admin", "admin", "arbiter"));
    }

    @Test
    void everyListIsDocumentedAsACursorPage() {
        ListContract.check(Set.of("listMyLedgerEntries", "listAuditEntries", "listDeadLetters", "listMyWithdrawals",
                "listWithdrawals", "listMyDepositAddresses"));
    }
}
