package com.c2c.order.stream;

import com.c2c.platform.messaging.sql.PlainSql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes what an owner's live stream shows, in the transaction of the change it reports: the entry exists
 * exactly when the change committed, so a stream neither shows a change that rolled back nor misses one
 * that did not. One insert per change (both parties of a trade in one statement); the row's transaction
 * id and sequence number are set by the database (see V7__owner_feed.sql for why they give commit order).
 * Nothing here moves money: the feed only reports.
 */
@ApplicationScoped
public class OwnerFeed {
    private final ObjectMapper json;

    OwnerFeed(ObjectMapper json) {
        this.json = json;
    }

    /** Tells {@code owner} about {@code event}. */
    public Uni<Void> append(String owner, FeedEvent event) {
        return append(List.of(owner), event);
    }

    /** Tells each of {@code owners} (once each, e.g. a trade's buyer and seller) about {@code event}. */
    public Uni<Void> append(List<String> owners, FeedEvent event) {
        Set<String> distinct = new LinkedHashSet<>(owners);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String payload = toJson(event);
        StringBuilder sql = new StringBuilder("insert into owner_feed (owner_id, type, payload) values ");
        Object[] params = new Object[2 + distinct.size()];
        params[0] = event.type().eventName();
        params[1] = payload;
        int i = 0;
        for (String owner : distinct) {
            sql.append(i == 0 ? "" : ", ").append("($").append(i + 3).append(", $1, $2)");
            params[i + 2] = owner;
            i++;
        }
        // Written outside a transaction, the entry could report a change that never commits.
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "OwnerFeed.append must run inside the transaction that makes the change"))
                .chain(tx -> PlainSql.update(sql.toString(), params))
                .replaceWithVoid();
    }

    private String toJson(FeedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("feed payload cannot be written as JSON: " + event.getClass(), e);
        }
    }
}
