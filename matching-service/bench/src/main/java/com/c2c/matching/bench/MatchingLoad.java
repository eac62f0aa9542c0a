package com.c2c.matching.bench;

import com.c2c.testkit.Keycloak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load through the real platform: ads and express orders published to the order events topic as
 * order-service would, trades read back from the matching events topic. Prints orders/s in,
 * trades/s out and the latency from publishing an order to receiving its trade.
 *
 * <p>Usage: MatchingLoad [--orders N] [--ads N] [--rate ORDERS_PER_S] [--market-fiat CHF]
 * (rate 0 = as fast as the producer can go). Bounded: it stops when every order is answered or
 * after 120 s without progress.
 */
public final class MatchingLoad {
    private static final String IN = "c2c.order.events.v1";
    private static final String OUT = "c2c.matching.events.v1";
    private static final String BOOTSTRAP = "127.0.0.1:9092";

    public static void main(String[] args) throws Exception {
        int orders = intArg(args, "--orders", 100_000);
        int ads = intArg(args, "--ads", 1_000);
        int rate = intArg(args, "--rate", 0);
        String fiat = stringArg(args, "--market-fiat", "CHF");
        String market = "USDT-" + fiat;
        openMarket(fiat);

        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>(orders * 2);
        long[] latencies = new long[orders];
        AtomicLong answered = new AtomicLong();
        AtomicLong trades = new AtomicLong();
        AtomicLong rejects = new AtomicLong();
        AtomicLong lastAnswerNanos = new AtomicLong();

        try (KafkaConsumer<String, String> consumer = consumer();
                KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> parts = consumer.partitionsFor(OUT, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(OUT, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);

            System.out.printf("publishing %d ads on %s%n", ads, market);
            for (int i = 0; i < ads; i++) {
                String ad = UUID.randomUUID().toString();
                long price = 100 + (i % 10); // 1.00 .. 1.09 per USDT
                send(producer, market, "c2c.order.AdListed.v1", """
                        {"adId":"%s","ownerId":"load-maker-%d","market":"%s","side":"SELL","priceMinor":%d,
                        "quantityMicros":1000000000000,"minOrderMinor":100,"maxOrderMinor":100000000,
                        "paymentMethods":["BANK_TRANSFER","ALIPAY"],"minCompletedTrades":0}""".formatted(
                        ad, i % 50, market, price));
            }
            producer.flush();

            Thread reader = new Thread(() -> {
                long idleSince = System.nanoTime();
                while (answered.get() < orders && System.nanoTime() - idleSince < Duration.ofSeconds(120).toNanos()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        String type = header(r, "ce_type");
                        boolean trade = "c2c.matching.TradeMatched.v1".equals(type);
                        if (!trade && !"c2c.matching.OrderRejected.v1".equals(type)) {
                            continue;
                        }
                        String orderId = field(r.value(), trade ? "takerOrderId" : "orderId");
                        Long sent = orderId == null ? null : sentAt.remove(orderId);
                        if (sent == null) {
                            continue;
                        }
                        long now = System.nanoTime();
                        latencies[(int) answered.getAndIncrement()] = now - sent;
                        lastAnswerNanos.set(now);
                        idleSince = now;
                        (trade ? trades : rejects).incrementAndGet();
                    }
                }
            }, "load-reader");
            reader.start();

            System.out.printf("publishing %d express orders%s%n", orders, rate > 0 ? " at " + rate + "/s" : " as fast as possible");
            long start = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                if (rate > 0) {
                    long due = start + (long) i * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                }
                String id = UUID.randomUUID().toString();
                sentAt.put(id, System.nanoTime());
                send(producer, market, "c2c.order.OrderPlaced.v1", """
                        {"orderId":"%s","ownerId":"load-taker-%d","market":"%s","side":"BUY","mode":"EXPRESS_FIAT",
                        "amount":%d,"priceMinor":0,"timeInForce":"IOC","paymentMethods":["BANK_TRANSFER"],
                        "completedTrades":10}""".formatted(id, i % 1000, market, 10_000 + (i % 90) * 1000));
                if (i % 20_000 == 0 && i > 0) {
                    System.out.printf("  %,d sent, %,d answered%n", i, answered.get());
                }
            }
            producer.flush();
            long published = System.nanoTime();
            reader.join();
            long n = answered.get();
            double inSeconds = (published - start) / 1e9;
            double outSeconds = (lastAnswerNanos.get() - start) / 1e9;
            long[] done = Arrays.copyOf(latencies, (int) n);
            Arrays.sort(done);
            System.out.printf("orders published: %,d in %.2f s = %,.0f orders/s%n", orders, inSeconds, orders / inSeconds);
            System.out.printf("answered: %,d (%,d trades, %,d rejects) in %.2f s = %,.0f orders/s end to end%n",
                    n, trades.get(), rejects.get(), outSeconds, n / outSeconds);
            if (n > 0) {
                System.out.printf("order placed -> trade/reject received: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        pct(done, 50), pct(done, 99), done[done.length - 1] / 1e6);
            }
            System.out.printf("matching_load orders=%d answered=%d in_per_s=%.0f out_per_s=%.0f p50_ms=%.1f p99_ms=%.1f%n",
                    orders, n, orders / inSeconds, n / outSeconds, n > 0 ? pct(done, 50) : -1, n > 0 ? pct(done, 99) : -1);
            if (n < orders) {
                System.out.printf("WARNING: %,d orders got no answer within the time limit%n", orders - n);
                System.exit(1);
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static void send(KafkaProducer<String, String> producer, String key, String type, String json) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/c2c/load"));
        headers.add("content-type", bytes("application/json"));
        producer.send(new ProducerRecord<>(IN, null, key, json, headers));
    }

    private static void openMarket(String fiat) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                // The instance that leads the engine (kafka-load.sh finds it; a standby answers 503, ADR 0017).
                URI.create(System.getenv().getOrDefault("C2C_MATCHING_URL", "http://127.0.0.1:8082") + "/api/v1/markets"))
                .header("content-type", "application/json")
                .header("Authorization", Keycloak.person("load-admin", "admin").bearer())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"asset\":\"USDT\",\"fiat\":\"" + fiat + "\",\"tickSize\":\"0.01\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("could not open market USDT-" + fiat + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The string value of a top-level JSON field (the load tool avoids a JSON library on purpose). */
    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        int start = i + key.length();
        return json.substring(start, json.indexOf('"', start));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        List<String> list = new ArrayList<>(List.of(args));
        int i = list.indexOf(name);
        return i >= 0 && i + 1 < list.size() ? list.get(i + 1) : fallback;
    }
}
