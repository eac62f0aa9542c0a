package com.c2c.order.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.events.EventTypes;
import com.c2c.order.Rest;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many copies of one request under one Idempotency-Key, sent at the same instant (a client retrying on
 * a timeout, a double click): one resource is created, every copy answers it, none answers 5xx. A
 * different body under the same key is refused as a problem, still never a 5xx.
 */
@QuarkusTest
class ConcurrentIdempotencyKeyTest {
    /** Express orders without a priceLimit are limited around the fiat's reference price: CNY has one. */
    @BeforeEach
    void cnyHasAReferencePrice() {
        Rest.referencePrice("CNY", "7.20");
    }

    private static final int COPIES = 8;
    // Several rounds, each with a new key: one round may not line the requests up closely enough.
    private static final int ROUNDS = 3;
    private static final String AD = """
            {"side":"SELL","asset":"USDT","fiat":"CNY","price":"7.20","quantity":"1000",
             "minOrder":"100","maxOrder":"5000","paymentMethods":["ALIPAY"]}""";
    private static final String ORDER = """
            {"side":"BUY","asset":"USDT","fiat":"CNY","mode":"EXPRESS_FIAT","amount":"720.00","paymentMethod":"ALIPAY"}""";

    @Test
    void concurrentCopiesOfAnAdCreateOneAd() {
        copiesCreateOne("merchant-", "/api/v1/ads", AD, "ad", EventTypes.AD_POSTED);
    }

    @Test
    void concurrentCopiesOfAnOrderPlaceOneOrder() {
        copiesCreateOne("buyer-", "/api/v1/orders", ORDER, "taker_order", EventTypes.ORDER_PLACED);
    }

    @Test
    void concurrentCopiesOfAnOrderOnAChosenAdPlaceOneOrder() {
        String merchant = "merchant-" + UUID.randomUUID();
        // A BUY ad holds no USDT: it is ACTIVE at once, so a SELL order can take it.
        String ad = Rest.ad(merchant, "BUY", "CNY", "7.10", "1000", "10", "5000", "\"ALIPAY\"");
        String body = """
                {"side":"SELL","asset":"USDT","mode":"AD_QUANTITY","adId":"%s","amount":"10","paymentMethod":"ALIPAY"}"""
                .formatted(ad);
        copiesCreateOne("seller-", "/api/v1/orders", body, "taker_order", EventTypes.RESERVE_FUNDS);
    }

    @Test
    void concurrentDifferentAdsUnderOneKeyCreateOneAndRefuseTheOthers() {
        differentBodiesCreateOne("merchant-", "/api/v1/ads", AD, AD.replace("\"7.20\"", "\"7.30\""), "ad");
    }

    @Test
    void concurrentDifferentOrdersUnderOneKeyPlaceOneAndRefuseTheOthers() {
        differentBodiesCreateOne("buyer-", "/api/v1/orders", ORDER, ORDER.replace("720.00", "721.00"), "taker_order");
    }

    /** Copies of one request under one key, each round by a new owner: one row and one {@code event}. */
    private static void copiesCreateOne(String ownerPrefix, String path, String body, String table, String event) {
        for (int round = 0; round < ROUNDS; round++) {
            String owner = ownerPrefix + UUID.randomUUID();
            String key = UUID.randomUUID().toString();
            String id = oneCreated(race(i -> post(owner, key, path, body)));
            assertEquals(1L, rowsOf(table, owner));
            assertEquals(1L, events(id, event));
        }
    }

    /** Two different requests alternating under one key: one is created, copies get it, the other a 409. */
    private static void differentBodiesCreateOne(String ownerPrefix, String path, String body, String other,
            String table) {
        for (int round = 0; round < ROUNDS; round++) {
            String owner = ownerPrefix + UUID.randomUUID();
            String key = UUID.randomUUID().toString();
            oneCreatedOthersRefused(race(i -> post(owner, key, path, i % 2 == 0 ? body : other)));
            assertEquals(1L, rowsOf(table, owner));
        }
    }

    private static long rowsOf(String table, String owner) {
        return TestDatabase.queryLong("select count(*) from " + table + " where owner_id = '" + owner + "'");
    }

    /** Sends {@value #COPIES} requests released together by a barrier; returns their answers. */
    private static List<Response> race(IntFunction<Response> request) {
        ExecutorService pool = Executors.newFixedThreadPool(COPIES);
        CyclicBarrier start = new CyclicBarrier(COPIES);
        try {
            return IntStream.range(0, COPIES)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return request.apply(i);
                    }, pool))
                    .toList().stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    /** Every answer is the one resource: one 201, the rest 200 with the same id. Returns its id. */
    private static String oneCreated(List<Response> answers) {
        answers.forEach(a -> assertTrue(a.statusCode() == 201 || a.statusCode() == 200, describe(answers)));
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count(), describe(answers));
        List<String> ids = answers.stream().map(a -> a.<String>path("id")).distinct().toList();
        assertEquals(1, ids.size(), describe(answers));
        return ids.get(0);
    }

    /** One request created the resource; a copy of it got it back, a different request a 409 problem. */
    private static void oneCreatedOthersRefused(List<Response> answers) {
        answers.forEach(a -> assertTrue(a.statusCode() == 201 || a.statusCode() == 200 || a.statusCode() == 409,
                describe(answers)));
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 201).count(), describe(answers));
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> {
            assertEquals("application/problem+json", a.contentType(), describe(answers));
            assertEquals("https://c2c.dev/problems/idempotency-key-reused", a.path("type"), describe(answers));
        });
        assertEquals(1, answers.stream().filter(a -> a.statusCode() != 409).map(a -> a.<String>path("id"))
                .distinct().count(), describe(answers));
    }

    private static long events(String subject, String type) {
        return TestDatabase.queryLong("select count(*) from outbox_event where subject = '" + subject
                + "' and type = '" + type + "'");
    }

    private static Response post(String owner, String key, String path, String body) {
        return Rest.as(owner).header(IdempotencyKey.HEADER, key).body(body).when().post(path);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(List<Response> answers) {
        return answers.stream().map(a -> a.statusCode() + " " + a.asString()).toList().toString();
    }
}
