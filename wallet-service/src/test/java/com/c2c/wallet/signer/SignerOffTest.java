package com.c2c.wallet.signer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.testkit.PostgresResource;
import com.c2c.wallet.signer.domain.TransferState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without a keystore the signer is off, says so on readiness (UP: the ledger serves), and transfers wait QUEUED. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_wallet"))
class SignerOffTest {
    @Inject
    OutgoingTransfers transfers;
    @Inject
    SignerLoop loop;

    @Test
    void withoutAKeystoreTheSignerIsOffAndSaysWhy() throws Throwable {
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'hot-wallet signer' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'hot-wallet signer' }.data.signing", equalTo(false))
                .body("checks.find { it.name == 'hot-wallet signer' }.data.off", containsString("no hot-wallet keystore"));
        assertTrue(loop.hotWallet().isEmpty());
        assertThrows(IllegalStateException.class, loop::passNow);

        String id = "t-" + UUID.randomUUID();
        TransferView queued = VertxContextSupport.subscribeAndAwait(
                () -> transfers.submit(id, 31337, "0x" + "12".repeat(20), 1_000_000)).transfer();
        assertEquals(TransferState.QUEUED, queued.state());
    }
}
