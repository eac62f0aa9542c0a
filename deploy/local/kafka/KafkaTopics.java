import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Readiness check and idempotent topic creation for deploy/local/kafka.sh, in one JVM.
 * (kafka-tools' TopicCommand creates one topic per JVM start, ~2 s each.)
 *
 * Usage: java -cp 'libs/*' KafkaTopics.java BOOTSTRAP TIMEOUT_SECONDS [TOPICS_CONF]
 *   1. polls a metadata call (list topics) until it succeeds or the timeout passes (exit 2);
 *   2. if TOPICS_CONF is given ("name partitions" lines, # comments), creates the missing topics
 *      with replication factor 1 (same as TopicCommand --create --if-not-exists) and reports
 *      existing ones whose partition count differs (never alters them).
 */
public class KafkaTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaTopics BOOTSTRAP TIMEOUT_SECONDS [TOPICS_CONF]");
            System.exit(64);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = awaitMetadata(admin, deadline);
            if (args.length > 2) {
                ensureTopics(admin, existing, readConf(Path.of(args[2])));
            }
        }
    }

    /** Lists topics until the broker answers; the answer proves the broker and controller are up. */
    static Set<String> awaitMetadata(Admin admin, long deadline) throws InterruptedException {
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                return admin.listTopics().names().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                last = e;
                Thread.sleep(500);
            }
        }
        System.err.println("broker did not answer a metadata request in time: " + last);
        System.exit(2);
        return Set.of();
    }

    /** retention.ms per topic, from topics.conf's third column. */
    static final Map<String, String> RETENTION = new LinkedHashMap<>();

    static String retentionMs(String value, Path conf) {
        var m = java.util.regex.Pattern.compile("(\\d+)([dh])").matcher(value);
        if (!m.matches()) throw new IllegalArgumentException(conf + ": retention must be <n>d or <n>h: " + value);
        long hours = Long.parseLong(m.group(1)) * (m.group(2).equals("d") ? 24 : 1);
        return Long.toString(hours * 3_600_000L);
    }

    static Map<String, Integer> readConf(Path conf) throws Exception {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String line : Files.readAllLines(conf)) {
            String l = line.replaceAll("#.*", "").trim();
            if (l.isEmpty()) continue;
            String[] f = l.split("\\s+");
            // The third column (retention) is for the Kubernetes KafkaTopics and for new topics here (RETENTION).
            if (f.length != 2 && f.length != 3) {
                throw new IllegalArgumentException(conf + ": expected 'name partitions [retention]': " + line);
            }
            topics.put(f[0], Integer.parseInt(f[1]));
            if (f.length == 3) RETENTION.put(f[0], retentionMs(f[2], conf));
        }
        return topics;
    }

    static void ensureTopics(Admin admin, Set<String> existing, Map<String, Integer> wanted) throws Exception {
        List<NewTopic> missing = new ArrayList<>();
        wanted.forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                NewTopic topic = new NewTopic(name, partitions, (short) 1);
                if (RETENTION.containsKey(name)) topic.configs(Map.of("retention.ms", RETENTION.get(name)));
                missing.add(topic);
            }
        });
        // One request for all missing topics; "already exists" (a concurrent creator) counts as success.
        Map<String, KafkaFuture<Void>> created = admin.createTopics(missing).values();
        List<String> present = wanted.keySet().stream().filter(existing::contains).toList();
        Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get();
        for (var topic : wanted.entrySet()) {
            String name = topic.getKey();
            int want = topic.getValue();
            if (created.containsKey(name)) {
                try {
                    created.get(name).get();
                    System.out.println("created  " + name + " (" + want + " partitions)");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException(name, e.getCause());
                    System.out.println("exists   " + name + " (created concurrently)");
                }
            } else {
                int actual = described.get(name).partitions().size();
                System.out.println(actual == want
                        ? "exists   " + name + " (" + actual + " partitions)"
                        : "MISMATCH " + name + ": has " + actual + " partitions, topics.conf says " + want
                          + " (not changed; delete the topic or the kafka data dir to recreate)");
            }
        }
    }
}
