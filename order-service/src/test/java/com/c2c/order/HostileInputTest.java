package com.c2c.order;

import com.c2c.testkit.HostileInputSweep;
import com.c2c.testkit.ListContract;
import com.c2c.testkit.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every operation of the API, sent malformed and extreme values: refused (4xx) and in time, never a 5xx. */
@QuarkusTest
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
        ListContract.check(Set.of("listMyAds", "listMarketAds", "listMyOrders", "listMakerAds", "listMakerTrades",
                "listMakerFills", "listAuditEntries", "listDeadLetters"));
    }
}
