package com.c2c.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a service's tests at the real local Kafka broker, starting it with the project's script if it is down. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    public static final String BOOTSTRAP = "127.0.0.1:9092";

    @Override
    public Map<String, String> start() {
        LocalInfra.ensure("kafka", 9092);
        return Map.of("kafka.bootstrap.servers", BOOTSTRAP);
    }

    @Override
    public void stop() {
        // The broker is shared by every module's tests and stopped by the script that started it.
    }
}
