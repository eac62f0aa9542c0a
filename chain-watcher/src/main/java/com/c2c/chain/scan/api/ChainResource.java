package com.c2c.chain.scan.api;

import com.c2c.chain.scan.BackfillBacklog;
import com.c2c.chain.scan.ChainScanners;
import com.c2c.chain.scan.ChainStatus;
import com.c2c.chain.scan.DepositQueries;
import com.c2c.chain.scan.store.ChainCursor;
import com.c2c.platform.web.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/chains")
@Tag(name = "Chains", description = "The chains chain-watcher follows (operators)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ChainResource {
    private final ChainScanners scanners;
    private final DepositQueries queries;
    private final Caller caller;

    ChainResource(ChainScanners scanners, DepositQueries queries, Caller caller) {
        this.scanners = scanners;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getChains", summary = "Each followed chain's head, cursor and lag (admin)",
            description = "Head, cursor and last step are the ones the scanning instance last stored; pendingBackfills"
                    + " counts addresses watched late whose earlier blocks are still being read again.")
    @APIResponse(responseCode = "200", description = "Every configured chain, by chain id")
    @APIResponse(responseCode = "401", description = "The request does not say who is calling")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Uni<List<ChainView>> chains() {
        caller.requireRole(Caller.ADMIN);
        return queries.cursors().chain(rows -> queries.backfillBacklogs().map(backfills -> {
            Map<Long, ChainCursor> byChain = rows.stream().collect(Collectors.toMap(c -> c.chainId, Function.identity()));
            return scanners.statuses().stream().map(s -> view(s, byChain.get(s.chainId()),
                    backfills.getOrDefault(s.chainId(), BackfillBacklog.NONE))).toList();
        }));
    }

    private static ChainView view(ChainStatus status, ChainCursor row, BackfillBacklog backfill) {
        // The scanning instance knows the newest; another replica answers what the scanner last stored.
        boolean live = status.leading() && status.lastStepAt() != null;
        Long head = live ? Long.valueOf(status.head()) : row == null ? null : row.headBlock;
        Long cursor = live ? Long.valueOf(status.cursor()) : row == null ? null : row.cursorBlock;
        Long lag = head == null || cursor == null ? null : Math.max(0, head - cursor);
        return new ChainView(status.name(), status.chainId(), status.tokenContract(), status.scanning(), head, cursor, lag,
                status.confirmations(), live ? status.lastStepAt() : row == null ? null : row.lastStepAt,
                backfill.addresses(), backfill.blocks());
    }
}
