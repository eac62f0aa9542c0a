package com.c2c.escrow;

import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The servers every {@code @QuarkusTest} of this module runs against, declared once: a test resource
 * applies to the whole module wherever it is declared. A fresh database of its own, and fresh topics
 * for the three topics escrow reads (each under its c2c.in key, ADR 0021), so nothing another run or a
 * running platform left on the real topics reaches these tests.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_escrow"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-events"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.order-events"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.trade-funds"))
public final class EscrowTestResources {
    private EscrowTestResources() {
    }
}
