package com.c2c.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The platform's default (META-INF/microprofile-config.properties, ADR 0024): on Linux x86-64 every service's
 * Vert.x runs on Netty's epoll transport. Vert.x falls back to Java NIO without failing when the native library
 * is missing or cannot load, so only a check like this one notices that the saving is gone.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(FreshTopicResource.class)
class NetworkTransportTest {

    @Inject
    Vertx vertx;

    @Test
    void vertxRunsOnTheNativeTransportOnLinuxX86() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the dependency carries the linux-x86_64 library only");
        assertTrue(vertx.isNativeTransportEnabled(), "Vert.x fell back to NIO: " + vertx.unavailableNativeTransportCause());
    }
}
