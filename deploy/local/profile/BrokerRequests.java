import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The broker's request counts at both ends of a profiled window (deploy/local/profile.sh runs it as a single-file
 * program, in the background, before the load's setup): the broker's cost is per request, so its share of a trade
 * is read best as requests per trade by kind (docs/performance.md, 2026-12-06 18:09).
 *
 * <p>Attaches to the broker's JVM (its local management agent: no port is opened) and waits for the profile's
 * {@code window.start} file, then writes {@code kafka.requests.before}; the same for {@code window.end} and
 * {@code kafka.requests.after}. Each line is "name count": every request kind the broker has answered
 * ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec}, summed over its versions) and three of its topic
 * totals: records appended ({@code MessagesIn}), partitions read by fetches ({@code PartitionFetches}: one fetch
 * request reads every partition its session holds) and partitions written ({@code PartitionProduces}). It gives up
 * after two hours, or when the profile's {@code stopped} file appears first.
 *
 * <p>Usage: java BrokerRequests.java BROKER_PID PROFILE_DIR
 */
public final class BrokerRequests {
    private static final long GIVE_UP_MS = 2 * 60 * 60 * 1000L;
    private static final Map<String, String> TOPIC_TOTALS = Map.of(
            "MessagesIn", "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec",
            "PartitionFetches", "kafka.server:type=BrokerTopicMetrics,name=TotalFetchRequestsPerSec",
            "PartitionProduces", "kafka.server:type=BrokerTopicMetrics,name=TotalProduceRequestsPerSec");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java BrokerRequests.java BROKER_PID PROFILE_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            MBeanServerConnection broker = connector.getMBeanServerConnection();
            long deadline = System.currentTimeMillis() + GIVE_UP_MS;
            if (!await(dir.resolve("window.start"), dir, deadline)) {
                return;
            }
            Files.write(dir.resolve("kafka.requests.before"), counts(broker));
            if (!await(dir.resolve("window.end"), dir, deadline)) {
                return;
            }
            Files.write(dir.resolve("kafka.requests.after"), counts(broker));
        } finally {
            vm.detach();
        }
    }

    /** Waits for {@code file}; false if the profile stopped or the deadline passed first. */
    private static boolean await(Path file, Path dir, long deadline) throws InterruptedException {
        while (!Files.exists(file)) {
            if (Files.exists(dir.resolve("stopped")) || System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static List<String> counts(MBeanServerConnection broker) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (ObjectName name : broker.queryNames(
                new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
            counts.merge(name.getKeyProperty("request"), count(broker, name), Long::sum);
        }
        for (Map.Entry<String, String> total : TOPIC_TOTALS.entrySet()) {
            counts.put(total.getKey(), count(broker, new ObjectName(total.getValue())));
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((name, count) -> lines.add(name + " " + count));
        return lines;
    }

    private static long count(MBeanServerConnection broker, ObjectName name) throws Exception {
        return ((Number) broker.getAttribute(name, "Count")).longValue();
    }
}
