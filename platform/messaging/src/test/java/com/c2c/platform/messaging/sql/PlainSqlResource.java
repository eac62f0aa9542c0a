package com.c2c.platform.messaging.sql;

import com.c2c.platform.web.Outages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test-only endpoints that run plain SQL in a transaction, as the services' hot paths do. */
@Path("/test/plain-sql")
public class PlainSqlResource {
    private static final String CONSUMER = "plain-sql-test";

    /**
     * Inserts an inbox row for {@code id} (twice: the second finds it), reads it back by a timestamp bound and
     * returns what each step saw; with {@code fail} the transaction fails after the statements.
     */
    @POST
    @Path("/inbox")
    public Uni<Map<String, Object>> inbox(@QueryParam("id") String id, @QueryParam("fail") boolean fail) {
        String insert = """
                insert into inbox_event (consumer, event_id, event_type) values ($1, $2, $3)
                on conflict do nothing""";
        return Panache.withTransaction(() -> PlainSql.update(insert, CONSUMER, id, "first")
                .chain(first -> PlainSql.update(insert, CONSUMER, id, "again")
                        .chain(second -> PlainSql.select("""
                                select event_id, event_type, received_at, cast($4 as text) is null from inbox_event
                                where consumer = $1 and event_id = $2 and received_at <= $3""",
                                CONSUMER, id, Instant.now().plusSeconds(60), null)
                                // the lone null given as the array itself (select(sql, null)) is one null parameter
                                .chain(rows -> PlainSql.select("select cast($1 as text) is null", (Object[]) null)
                                        .map(lone -> {
                                            if (fail) {
                                                throw new IllegalStateException("the change failed after the statements");
                                            }
                                            Object[] row = rows.get(0);
                                            return Map.<String, Object>of("first", first, "second", second,
                                                    "rows", rows.size(), "eventId", row[0], "type", row[1],
                                                    "nullParameterIsNull", row[3],
                                                    "loneNullParameterIsNull", lone.get(0)[0],
                                                    "receivedAtType", row[2].getClass().getSimpleName());
                                        })))));
    }

    /** How many inbox rows {@code id} has, read in a session without a transaction. */
    @POST
    @Path("/count")
    public Uni<Long> count(@QueryParam("id") String id) {
        return Panache.withSession(() -> PlainSql.select(
                "select count(*) from inbox_event where consumer = $1 and event_id = $2", CONSUMER, id))
                .map(rows -> (Long) rows.get(0)[0]);
    }

    /**
     * How many statements this connection holds prepared that read the inbox, after running one: 1 or more when the
     * client caches prepared statements (the platform's default), 0 when each execution is parsed afresh.
     */
    @POST
    @Path("/prepared")
    public Uni<Long> prepared() {
        String probe = "select count(*) from inbox_event where event_type = $1";
        return Panache.withTransaction(() -> PlainSql.select(probe, "prepared-probe")
                .chain(() -> PlainSql.select("select count(*) from pg_prepared_statements where statement = $1", probe)))
                .map(rows -> (Long) rows.get(0)[0]);
    }

    /** A statement PostgreSQL refuses (a duplicate primary key, no "on conflict"): the SQLSTATEs in the error's causes. */
    @POST
    @Path("/duplicate")
    public Uni<List<String>> duplicate(@QueryParam("id") String id) {
        String insert = "insert into inbox_event (consumer, event_id, event_type) values ($1, $2, $3)";
        return Panache.withTransaction(() -> PlainSql.update(insert, CONSUMER, id, "x")
                        .chain(() -> PlainSql.update(insert, CONSUMER, id, "x")))
                .map(n -> List.of("no error"))
                .onFailure().recoverWithItem(PlainSqlResource::sqlStates);
    }

    private static List<String> sqlStates(Throwable failure) {
        List<String> states = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = Outages.sqlState(t);
            if (state != null) {
                states.add(state);
            }
        }
        return states.isEmpty() ? List.of("no SQLSTATE in " + failure) : states;
    }
}
