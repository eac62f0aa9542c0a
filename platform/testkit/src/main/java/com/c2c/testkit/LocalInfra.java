package com.c2c.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a local server the tests need is running, starting it with the project's own script
 * ({@code deploy/local/<name>.sh start}) when nothing listens on its port.
 */
public final class LocalInfra {
    private static final long START_TIMEOUT_S = 300;

    private LocalInfra() {
    }

    public static synchronized void ensure(String name, int port) {
        if (listening(port)) {
            return;
        }
        run(name);
        if (!listening(port)) {
            throw new IllegalStateException(name + " was started but nothing listens on 127.0.0.1:" + port);
        }
    }

    /** Runs {@code deploy/local/<name>.sh start} (idempotent: it also completes the setup of a running server). */
    public static synchronized void run(String name) {
        Path script = repoRoot().resolve("deploy/local/" + name + ".sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "start").inheritIO().start();
            if (!process.waitFor(START_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + START_TIMEOUT_S + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " start failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The repository root: the nearest directory above the working directory holding deploy/local/lib.sh. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("deploy/local/lib.sh"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("deploy/local/lib.sh not found above " + Path.of("").toAbsolutePath());
    }
}
