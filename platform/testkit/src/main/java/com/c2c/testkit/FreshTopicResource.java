package com.c2c.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A Kafka topic of this test run's own, so a consumer under test sees exactly what the test
 * published. Init args: {@code property} (the config key that receives the topic name, default
 * {@code test.topic}), {@code partitions} (default 3), and any other arg is passed through as config.
 */
public class FreshTopicResource implements QuarkusTestResourceLifecycleManager {
    private final Map<String, String> extraConfig = new HashMap<>();
    private String property = "test.topic";
    private int partitions = 3;
    private String topic;

    @Override
    public void init(Map<String, String> initArgs) {
        extraConfig.putAll(initArgs);
        property = extraConfig.getOrDefault("property", property);
        partitions = Integer.parseInt(extraConfig.getOrDefault("partitions", String.valueOf(partitions)));
        extraConfig.remove("property");
        extraConfig.remove("partitions");
    }

    @Override
    public Map<String, String> start() {
        LocalInfra.ensure("kafka", 9092);
        topic = "c2c.test." + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create test topic " + topic, e);
        }
        Map<String, String> config = new HashMap<>(extraConfig);
        config.put(property, topic);
        config.put("kafka.bootstrap.servers", KafkaResource.BOOTSTRAP);
        return config;
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
