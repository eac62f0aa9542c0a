package com.c2c.platform.messaging.outbox;

import com.c2c.platform.messaging.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer whose effect is one row per applied event, counting every delivery it handled. */
@ApplicationScoped
public class RecordingConsumer {
    private final AtomicInteger handled = new AtomicInteger();
    private final Inbox inbox;

    RecordingConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Deliveries fully handled (applied or recognised as duplicates). */
    int handled() {
        return handled.get();
    }

    @Incoming("test-in")
    public Uni<Void> on(Message<String> message) {
        return inbox.consume("test.recorder", message, event -> Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into applied_effect (event_id, payload) values (:id, :p)")
                        .setParameter("id", event.id())
                        .setParameter("p", event.data())
                        .executeUpdate())
                .replaceWithVoid())
                .invoke(handled::incrementAndGet);
    }
}
