package com.c2c.platform.messaging.outbox;

import com.c2c.testkit.KafkaResource;
import com.c2c.testkit.LocalInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** A topic of this test run's own, so the consumer sees exactly what the test published. */
public class FreshTopicResource implements QuarkusTestResourceLifecycleManager {
    private String topic;

    @Override
    public Map<String, String> start() {
        LocalInfra.ensure("kafka", 9092);
        topic = "c2c.test.messaging-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create test topic " + topic, e);
        }
        return Map.of("test.topic", topic);
    }

    @Override
    public void stop() {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (Exception e) {
            // a leftover test topic is harmless
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.BOOTSTRAP);
        return Admin.create(props);
    }
}
