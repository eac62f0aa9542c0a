package com.c2c.wallet.custody.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the wallet's own tables say about one chain's custody, for the custody report: the ledger's CUSTODY
 * accounts, the deposit addresses (paged), deposits on chain but not in the ledger (uncredited, pending) and the
 * signer's transfers in flight. Read-only; every list is bounded or paged.
 */
@ApplicationScoped
public class CustodyLedger {
    public static final String ASSET = "USDT";
    /**
     * The ledger command that settles an outgoing transfer is one of these prefixes + the transfer's id (a
     * withdrawal's confirmation, a sweep's): a MINED transfer without one has left the chain's balances but not yet
     * the ledger's. A new kind of outgoing transfer adds its prefix here.
     */
    public static final List<String> SETTLEMENT_COMMAND_PREFIXES = List.of("withdrawal-release:", "sweep:");

    private final Pool pool;

    CustodyLedger(Pool pool) {
        this.pool = pool;
    }

    /** The platform's holdings per address on the chain as the ledger has them: minus each CUSTODY balance. */
    public Uni<Map<String, Long>> custodyByAddress(long chainId) {
        String prefix = "custody:" + chainId + ":";
        return pool.preparedQuery("""
                        select owner_id, balance from ledger_account
                        where kind = 'CUSTODY' and asset = $1 and owner_id like $2 order by owner_id""")
                .execute(Tuple.of(ASSET, prefix + "%"))
                .map(rows -> {
                    Map<String, Long> held = new LinkedHashMap<>();
                    for (Row r : rows) {
                        held.put(r.getString("owner_id").substring(prefix.length()), -r.getLong("balance"));
                    }
                    return held;
                });
    }

    /** A deposit address and who it was given to. */
    public record Address(int index, String address, String ownerId) {
    }

    /** The chain's deposit addresses after {@code afterIndex}, by index, at most {@code limit}. */
    public Uni<List<Address>> depositAddresses(long chainId, int afterIndex, int limit) {
        return pool.preparedQuery("""
                        select address_index, address, owner_id from deposit_address
                        where chain_id = $1 and address_index > $2 order by address_index limit $3""")
                .execute(Tuple.of(chainId, afterIndex, limit))
                .map(rows -> {
                    List<Address> page = new ArrayList<>();
                    for (Row r : rows) {
                        page.add(new Address(r.getInteger("address_index"), r.getString("address"), r.getString("owner_id")));
                    }
                    return page;
                });
    }

    /** Token transfers to an address that are on chain but not in the ledger, in micro-units. */
    public record NotInLedger(long uncredited, long pending, long pendingCount) {
    }

    /**
     * Per address, transfers of the chain's token recorded UNCREDITED (dust, or to an address no owner has) and
     * those DETECTED, not yet at the confirmation depth (pending). Other tokens' transfers are not in its balanceOf.
     */
    public Uni<Map<String, NotInLedger>> notInLedger(long chainId, String token) {
        return pool.preparedQuery("""
                        select to_address,
                               coalesce(sum(amount_micros) filter (where state = 'UNCREDITED'), 0) as uncredited,
                               coalesce(sum(amount_micros) filter (where state = 'DETECTED'), 0) as pending,
                               count(*) filter (where state = 'DETECTED') as pending_count
                        from deposit
                        where chain_id = $1 and token_contract = $2 and state in ('UNCREDITED', 'DETECTED')
                        group by to_address""")
                .execute(Tuple.of(chainId, token))
                .map(rows -> {
                    Map<String, NotInLedger> byAddress = new HashMap<>();
                    for (Row r : rows) {
                        byAddress.put(r.getString("to_address"), new NotInLedger(r.getLong("uncredited"),
                                r.getLong("pending"), r.getLong("pending_count")));
                    }
                    return byAddress;
                });
    }

    /** An outgoing transfer signed and not yet settled in the ledger. */
    public record InFlight(String transferId, String state, String fromAddress, String toAddress, long amountMicros,
            String txHash, Instant signedAt) {
    }

    /** The first {@code limit} in flight, oldest first, with how many there are and their sum. */
    public record InFlightTransfers(List<InFlight> listed, long count, long totalMicros) {
    }

    /**
     * The signer's token transfers on the chain that are SIGNED or BROADCAST (they may be mined any moment), or MINED
     * and not yet settled by their ledger command ({@link #SETTLEMENT_COMMAND_PREFIXES}): chain-watcher settles them
     * at the chain's confirmation depth. Gas top-ups (native coin, no USDT) are not custody.
     */
    public Uni<InFlightTransfers> inFlight(long chainId, int limit) {
        return pool.preparedQuery("""
                        with open as (
                            select t.id, t.state, t.from_address, t.to_address, t.amount_micros, t.signed_at,
                                   coalesce(t.mined_tx_hash, (select s.tx_hash from signed_transaction s
                                       where s.transfer_id = t.id order by s.version desc limit 1)) as tx_hash
                            from outgoing_transfer t
                            where t.chain_id = $1
                              and t.amount_micros > 0 -- a transfer of gas (native coin) moves no USDT
                              and (t.state in ('SIGNED', 'BROADCAST')
                                   or (t.state = 'MINED' and not exists (
                                       select 1 from unnest($2::text[]) as s(prefix)
                                       join ledger_posting p on p.command_id = s.prefix || t.id))))
                        select open.*, count(*) over () as n, sum(amount_micros) over () as total
                        from open order by signed_at, id limit $3""")
                .execute(Tuple.of(chainId, SETTLEMENT_COMMAND_PREFIXES.toArray(String[]::new), limit))
                .map(rows -> {
                    List<InFlight> listed = new ArrayList<>();
                    long count = 0;
                    long total = 0;
                    for (Row r : rows) {
                        listed.add(new InFlight(r.getString("id"), r.getString("state"), r.getString("from_address"),
                                r.getString("to_address"), r.getLong("amount_micros"), r.getString("tx_hash"),
                                r.getOffsetDateTime("signed_at") == null ? null : r.getOffsetDateTime("signed_at").toInstant()));
                        count = r.getLong("n");
                        total = r.getBigDecimal("total").longValueExact();
                    }
                    return new InFlightTransfers(listed, count, total);
                });
    }

    /** The ledger's USDT balances summed per account kind (one statement: one snapshot). */
    public Uni<Map<String, Long>> balancesByKind() {
        return pool.preparedQuery("select kind, sum(balance) as total from ledger_account where asset = $1 group by kind")
                .execute(Tuple.of(ASSET))
                .map(rows -> {
                    Map<String, Long> byKind = new HashMap<>();
                    for (Row r : rows) {
                        byKind.put(r.getString("kind"), r.getBigDecimal("total").longValueExact());
                    }
                    return byKind;
                });
    }
}
