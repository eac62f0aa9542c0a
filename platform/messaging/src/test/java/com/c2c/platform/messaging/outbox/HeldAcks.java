package com.c2c.platform.messaging.outbox;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A producer interceptor that, while a test holds it, keeps the broker's acknowledgements from
 * reaching the sender: the producer's I/O thread waits in {@link #onAcknowledgement} until the test
 * releases it (or 60 s pass, so a failed test never hangs the build). This is the window in which
 * the outbox relay waits for acks.
 */
public class HeldAcks implements ProducerInterceptor<Object, Object> {
    private static volatile CountDownLatch gate;
    private static final AtomicInteger waiting = new AtomicInteger();

    /** From now on every acknowledgement waits for {@link #release()}. */
    static void hold() {
        waiting.set(0);
        gate = new CountDownLatch(1);
    }

    static void release() {
        CountDownLatch current = gate;
        gate = null;
        if (current != null) {
            current.countDown();
        }
    }

    /** Whether an acknowledgement has arrived from the broker and is being held back. */
    static boolean holding() {
        return waiting.get() > 0;
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        CountDownLatch current = gate;
        if (current == null) {
            return;
        }
        waiting.incrementAndGet();
        try {
            current.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
