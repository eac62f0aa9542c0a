import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes one service's image as an OCI tarball with Jib's core library: no daemon, no registry.
 * The base is a tarball too (deploy/images/base-image.sh). Layers follow Quarkus's fast-jar layout from
 * the least to the most often changed: third-party jars, the platform's own jars (com.c2c, rebuilt with
 * every change), the runner, Quarkus's generated classes, the application. Everything lands under /app,
 * owned by root and readable by the runtime user (10001), so the process cannot rewrite its own code.
 *
 * Usage: java -cp 'jib-libs/*' ImageBuilder.java BASE_TAR QUARKUS_APP_DIR IMAGE_REFERENCE OUT_TAR PORT
 *        java -cp 'jib-libs/*' ImageBuilder.java --gateway ROOTFS_TAR IMAGE_REFERENCE OUT_TAR PORT
 */
public class ImageBuilder {
    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("--gateway")) {
            gateway(Path.of(args[1]), args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            return;
        }
        if (args.length != 5) {
            System.err.println("usage: ImageBuilder BASE_TAR QUARKUS_APP_DIR IMAGE_REFERENCE OUT_TAR PORT");
            System.exit(2);
        }
        Path base = Path.of(args[0]), app = Path.of(args[1]), out = Path.of(args[3]);
        String reference = args[2];
        int port = Integer.parseInt(args[4]);
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalArgumentException(app + " has no quarkus-run.jar: build the service first");
        }
        AbsoluteUnixPath root = AbsoluteUnixPath.get("/app");
        List<Path> thirdParty = new ArrayList<>(), own = new ArrayList<>();
        try (Stream<Path> jars = Files.list(app.resolve("lib/main"))) {
            jars.sorted().forEach(jar -> (jar.getFileName().toString().startsWith("com.c2c.") ? own : thirdParty).add(jar));
        }
        AbsoluteUnixPath libMain = root.resolve("lib").resolve("main");
        JibContainerBuilder image = Jib.from(TarImage.at(base).named("c2c/jre-base"))
                .setFormat(ImageFormat.OCI)
                .addLayer(List.of(app.resolve("lib/boot")), root.resolve("lib"))
                .addLayer(thirdParty, libMain)
                .addLayer(own, libMain)
                .addLayer(List.of(app.resolve("quarkus-run.jar")), root)
                .addLayer(List.of(app.resolve("quarkus")), root)
                .addLayer(List.of(app.resolve("app")), root)
                .setWorkingDirectory(root)
                .setUser("10001:10001")
                // Heap from the container's memory limit; a JVM out of memory exits, the kubelet restarts it.
                .setEntrypoint(List.of("/opt/java/bin/java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
                        "-Djava.io.tmpdir=/tmp", "-jar", "/app/quarkus-run.jar"))
                // Listen on every interface in a pod (the services bind 127.0.0.1 when run locally).
                .setEnvironment(Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"))
                .addExposedPort(Port.tcp(port))
                .addLabel("org.opencontainers.image.title", reference.replaceAll(":.*", ""))
                // Reproducible: the same jars give the same digest (the manifests pin images by digest).
                .setCreationTime(Instant.EPOCH);
        write(image, reference, out);
    }

    /**
     * The gateway: an image assembled as a whole by deploy/images/gateway-image.sh (HAProxy, its tools, its
     * entrypoint), rewritten as an OCI tarball with a digest: usage
     * ImageBuilder --gateway ROOTFS_TAR IMAGE_REFERENCE OUT_TAR PORT
     */
    static void gateway(Path rootfs, String reference, Path out, int port) throws Exception {
        write(Jib.from(TarImage.at(rootfs).named("c2c/rootfs"))
                .setFormat(ImageFormat.OCI)
                // As the rootfs image says, set again so that nothing depends on what Jib inherits.
                .setUser("10001:10001")
                .setWorkingDirectory(AbsoluteUnixPath.get("/app"))
                .setEntrypoint(List.of("/app/deploy/gateway/entrypoint.sh"))
                .addExposedPort(Port.tcp(port))
                .addLabel("org.opencontainers.image.title", reference.replaceAll(":.*", ""))
                .setCreationTime(Instant.EPOCH), reference, out);
    }

    static void write(JibContainerBuilder image, String reference, Path out) throws Exception {
        Files.createDirectories(out.toAbsolutePath().getParent());
        JibContainer built = image.containerize(Containerizer.to(TarImage.at(out).named(reference))
                .setOfflineMode(true)
                .setBaseImageLayersCache(out.toAbsolutePath().getParent().resolve("jib-cache"))
                .setApplicationLayersCache(out.toAbsolutePath().getParent().resolve("jib-cache"))
                .addEventHandler(LogEvent.class, e -> {
                    if (e.getLevel() == LogEvent.Level.ERROR || e.getLevel() == LogEvent.Level.WARN) System.err.println(e.getMessage());
                }));
        System.out.println(reference + " " + built.getDigest() + " " + out);
    }
}
