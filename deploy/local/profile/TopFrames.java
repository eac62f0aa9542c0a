import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU went, from a JFR recording (deploy/local/profile.sh runs it as a single-file program):
 * the execution samples (threads running Java code) counted
 * <ul>
 * <li>by the method on top of the stack (self time),</li>
 * <li>by the first method on the stack outside the JDK (self time with the JDK calls it makes folded in:
 * a HashMap lookup inside Hibernate counts for Hibernate),</li>
 * <li>by area: the library that first method belongs to (Hibernate, Jackson, the Kafka client, ...), to see
 * how much goes to entity loading, JSON, logging and the like,</li>
 * <li>by the innermost frame of the project's own code (com.c2c) on the stack: which of our methods the
 * time is spent under, libraries included.</li>
 * </ul>
 * Usage: java TopFrames.java [--top N] [--from EPOCH_MS] [--to EPOCH_MS] recording.jfr... (0: no bound)
 */
public final class TopFrames {
    /** Package prefix to area, the first match wins; the order puts specific prefixes before general ones. */
    private static final String[][] AREAS = {
            {"org.hibernate.reactive.", "Hibernate Reactive"},
            {"org.hibernate.", "Hibernate ORM (entity loading, flush, dirty checking)"},
            {"io.vertx.pgclient.", "PostgreSQL client (Vert.x)"},
            {"io.vertx.sqlclient.", "PostgreSQL client (Vert.x)"},
            {"org.postgresql.", "PostgreSQL JDBC driver"},
            {"io.agroal.", "JDBC pool (Agroal)"},
            {"com.fasterxml.jackson.", "JSON (Jackson)"},
            {"io.vertx.core.json.", "JSON (Vert.x)"},
            {"org.apache.kafka.", "Kafka client"},
            {"io.smallrye.reactive.messaging.", "SmallRye Reactive Messaging"},
            {"io.smallrye.mutiny.", "Mutiny"},
            {"io.netty.", "Netty"},
            {"io.vertx.", "Vert.x"},
            {"org.jboss.logging.", "logging"},
            {"org.jboss.logmanager.", "logging"},
            {"java.util.logging.", "logging"},
            {"io.quarkus.oidc.", "token verification (OIDC)"},
            {"org.jose4j.", "token verification (OIDC)"},
            {"io.smallrye.jwt.", "token verification (OIDC)"},
            {"io.quarkus.", "Quarkus"},
            {"io.smallrye.", "SmallRye (config, metrics, ...)"},
            {"io.micrometer.", "metrics (Micrometer)"},
            {"org.jboss.resteasy.", "REST (RESTEasy)"},
            {"org.jboss.", "JBoss (Narayana, Weld, ...)"},
            {"com.arjuna.", "transactions (Narayana)"},
            {"io.opentelemetry.", "tracing"},
            {"com.c2c.", "project code"},
            {"java.util.zip.", "JDK: compression"},
            {"java.util.regex.", "JDK: regex"},
            {"java.security.", "JDK: crypto"},
            {"sun.security.", "JDK: crypto"},
            {"javax.crypto.", "JDK: crypto"},
            {"com.sun.crypto.", "JDK: crypto"},
            {"java.lang.invoke.", "JDK: method handles (reflection)"},
            {"jdk.internal.reflect.", "JDK: reflection"},
            {"java.lang.reflect.", "JDK: reflection"},
            {"sun.nio.", "JDK: I/O"},
            {"java.nio.", "JDK: I/O"},
            {"java.net.", "JDK: I/O"},
            {"java.time.", "JDK: time"},
            {"java.util.concurrent.", "JDK: concurrency"},
            {"java.", "JDK: other"},
            {"jdk.", "JDK: other"},
            {"sun.", "JDK: other"},
    };

    public static void main(String[] args) throws Exception {
        int top = 15;
        long from = 0;
        long to = 0;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--top")) {
                top = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--from")) {
                from = Long.parseLong(args[++i]);
            } else if (args[i].equals("--to")) {
                to = Long.parseLong(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        for (Path file : files) {
            report(file, top, from, to);
        }
    }

    private static void report(Path file, int top, long from, long to) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> library = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            long at = e.getStartTime().toEpochMilli();
            if ((from > 0 && at < from) || (to > 0 && at > to)) {
                continue;
            }
            if (type.equals("jdk.NativeMethodSample")) {
                nativeSamples++;
                continue;
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            RecordedMethod method = stack.getFrames().getFirst().getMethod();
            String className = method.getType().getName();
            self.merge(className + "." + method.getName(), 1, Integer::sum);
            RecordedMethod caller = null;
            for (RecordedFrame frame : stack.getFrames()) {
                if (!isJdk(frame.getMethod().getType().getName())) {
                    caller = frame.getMethod();
                    break;
                }
            }
            if (caller == null) {
                library.merge("(JDK only: " + className + "." + method.getName() + ")", 1, Integer::sum);
                areas.merge("JDK only (threads with no library frame)", 1, Integer::sum);
            } else {
                library.merge(caller.getType().getName() + "." + caller.getName(), 1, Integer::sum);
                areas.merge(area(caller.getType().getName()), 1, Integer::sum);
            }
            String under = "(no project frame on the stack)";
            for (RecordedFrame frame : stack.getFrames()) {
                String owner = frame.getMethod().getType().getName();
                if (owner.startsWith("com.c2c.")) {
                    under = owner.substring(owner.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
                    break;
                }
            }
            ours.merge(under, 1, Integer::sum);
        }
        System.out.printf("%s: %,d execution samples (threads in Java code; %,d native-method samples not counted)%n",
                file.getFileName(), samples, nativeSamples);
        if (samples == 0) {
            return;
        }
        print("top frames (self time, by method)", self, samples, top);
        print("first frame outside the JDK (JDK calls folded into their caller)", library, samples, top);
        print("by area (the library of that frame)", areas, samples, top);
        print("under which project method (innermost com.c2c frame on the stack)", ours, samples, top);
        System.out.println();
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("com.sun.");
    }

    private static String area(String className) {
        for (String[] a : AREAS) {
            if (className.startsWith(a[0])) {
                return a[1];
            }
        }
        return "other: " + className.substring(0, Math.max(0, className.lastIndexOf('.')));
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(en -> System.out.printf("    %5.1f%%  %6d  %s%n", 100.0 * en.getValue() / total, en.getValue(), en.getKey()));
    }
}
