package com.c2c.wallet.custody.chain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A node that takes the connection and never answers fails each read within its timeout: the report never hangs. */
class ChainBalancesTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** The timeout plus room for a loaded machine (the first call also loads web3j's classes). */
    private static final Duration BOUND = Duration.ofSeconds(4);

    @Test
    void aSilentNodeFailsEachReadWithinTheTimeout() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ChainBalances node = new ChainBalances("http://127.0.0.1:" + silent.getLocalPort(),
                    "0x5fbdb2315678afecb367f032d93f642f64180aa3", ChainBalances.http(TIMEOUT), scheduler);
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            failsWithinBound(node::latestBlock);
            failsWithinBound(() -> node.tokenBalances(List.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), 1));
            failsWithinBound(() -> node.nativeBalance("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", 1));
        } finally {
            scheduler.shutdownNow();
            for (Socket s : new ArrayList<>(held)) {
                s.close();
            }
        }
    }

    private static void failsWithinBound(Executable read) {
        long started = System.nanoTime();
        assertThrows(IOException.class, read);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND) < 0, "gave up after " + took);
    }
}
