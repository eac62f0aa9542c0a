package com.c2c.order;

import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The servers every test of this module runs against, declared once (Quarkus applies test resources to
 * all tests of the module): a database of the run's own and a fresh topic for each consumed channel, so
 * the consumers see exactly what the tests publish. What the service publishes goes to the real topics,
 * read back with TopicProbe filtered by the test's unique ids.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_order"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.wallet-events"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.matching-events"))
@QuarkusTestResource(value = FreshTopicResource.class,
        initArgs = @ResourceArg(name = "property", value = "c2c.in.escrow-events"))
public final class TestInfra {
    private TestInfra() {
    }
}
