package com.c2c.platform.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.c2c.testkit.FreshTopicResource;
import com.c2c.testkit.PostgresResource;
import com.c2c.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Inbox ids older than the retention are deleted, in batches; younger ones are kept. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "c2c_messaging"))
@QuarkusTestResource(FreshTopicResource.class)
class InboxRetentionTest {
    @Inject
    InboxRetention retention;

    @Inject
    InboxConfig config;

    @Test
    void idsOlderThanTheRetentionAreDeletedAndYoungerOnesKept() {
        long keptSeconds = config.retention().toSeconds();
        // More expired rows than one batch deletes, so pruning has to loop.
        int expired = config.pruneBatchSize() * 2 + 7;
        TestDatabase.update("""
                insert into inbox_event (consumer, event_id, event_type, received_at)
                select 'test.retention', 'old-' || i, 'c2c.test.Old.v1',
                       now() - make_interval(secs => %d) - interval '1 hour'
                from generate_series(1, %d) i""".formatted(keptSeconds, expired));
        TestDatabase.update("""
                insert into inbox_event (consumer, event_id, event_type, received_at)
                select 'test.retention', 'young-' || i, 'c2c.test.Young.v1',
                       now() - make_interval(secs => %d) + interval '1 hour'
                from generate_series(1, 5) i""".formatted(keptSeconds));

        long deleted = retention.pruneExpired().await().atMost(Duration.ofSeconds(30));

        assertEquals(expired, deleted);
        assertEquals(0, TestDatabase.queryLong("select count(*) from inbox_event where event_id like 'old-%'"));
        assertEquals(5, TestDatabase.queryLong("select count(*) from inbox_event where event_id like 'young-%'"));
    }
}
