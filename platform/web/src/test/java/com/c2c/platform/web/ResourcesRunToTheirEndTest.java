package com.c2c.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every REST resource of every service runs its request to the end even when the client hangs up
 * ({@code @Cancellable(false)} on the class). By default Quarkus cancels the subscription to a resource's
 * {@code Uni} when the connection closes, and a transaction cancelled that way can keep its pooled connection
 * (Quarkus issue 51576): at 100 trades/s offered, gateway and client timeouts drained order-service's pool,
 * and its consumers and REST calls waited on the empty pool until the service was restarted
 * (docs/performance.md, 2026-12-06). A request that runs to its end commits or rolls back and returns its
 * connection; the client that gave up retries with its idempotency key. The server-sent-event streams are
 * the exception: they end when their client goes.
 */
class ResourcesRunToTheirEndTest {
    private static final Pattern RESOURCE = Pattern.compile("(?m)^@Path\\(");

    @Test
    void everyResourceClassRunsItsRequestsToTheirEnd() throws IOException {
        Path root = repositoryRoot();
        List<Path> resources;
        try (Stream<Path> files = Files.walk(root)) {
            resources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.local/"))
                    .filter(f -> RESOURCE.matcher(read(f)).find())
                    .toList();
        }
        assertTrue(resources.size() >= 20, "found the services' resources: " + resources.size());
        List<String> cancellable = resources.stream()
                .filter(f -> !read(f).contains("SERVER_SENT_EVENTS"))
                .filter(f -> !read(f).contains("@Cancellable(false)"))
                .map(f -> root.relativize(f).toString())
                .toList();
        assertEquals(List.of(), cancellable, "resources a client hang-up would cancel mid-transaction");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("platform"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
