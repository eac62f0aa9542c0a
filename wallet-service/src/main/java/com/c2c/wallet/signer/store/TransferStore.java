package com.c2c.wallet.signer.store;

import com.c2c.wallet.signer.TransferView;
import com.c2c.wallet.signer.domain.Fees;
import com.c2c.wallet.signer.domain.TransferPurpose;
import com.c2c.wallet.signer.domain.TransferState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The signer's tables (migration V7): {@code outgoing_transfer}, {@code signed_transaction} (every signed
 * version, append-only) and {@code hot_wallet_nonce}. Each method joins the caller's session and transaction.
 */
@ApplicationScoped
public class TransferStore {
    private static final String VIEW = """
            select t.id, t.chain_id, t.to_address, t.amount_micros, t.state, t.reason, t.from_address, t.nonce,
                   coalesce(t.mined_tx_hash, v.tx_hash), t.mined_block, coalesce(v.version, 0),
                   t.created_at, t.signed_at, t.broadcast_at, t.finished_at, t.purpose, t.source_address,
                   t.source_index, t.amount_wei
            from outgoing_transfer t
            left join lateral (select s.tx_hash, s.version from signed_transaction s where s.transfer_id = t.id
                               order by s.version desc limit 1) v on true
            """;

    /** One signed version of a transfer. */
    public record SignedVersion(String txHash, String transferId, int version, long chainId, String fromAddress,
            long nonce, String rawTx, long gasLimit, Fees fees, Instant createdAt) {
    }

    /**
     * A deposit address with at least the sweep minimum credited (its CUSTODY account) and no sweep on its way;
     * {@code lastBlocked} is why its latest sweep was BLOCKED, if it was (null otherwise).
     */
    public record SweepCandidate(String address, int index, long creditedMicros, String lastBlocked) {
    }

    /**
     * Deposit addresses of {@code chainId} whose CUSTODY account says at least {@code minimumMicros} credited USDT is
     * there, and that have no sweep on its way: the most first. Reads the ledger's balances, never changes them.
     */
    public Uni<List<SweepCandidate>> sweepCandidates(long chainId, long minimumMicros, int limit) {
        return session().chain(s -> s.createNativeQuery("""
                        select d.address, d.address_index, -a.balance,
                               (select case when t.state = 'BLOCKED' then t.reason end from outgoing_transfer t
                                where t.purpose = 'SWEEP' and t.chain_id = d.chain_id and t.source_address = d.address
                                order by t.created_at desc, t.id desc limit 1)
                        from deposit_address d
                        join ledger_account a on a.owner_id = 'custody:' || d.chain_id || ':' || d.address
                             and a.asset = 'USDT' and a.kind = 'CUSTODY'
                        where d.chain_id = ?1 and a.balance <= -cast(?2 as bigint)
                          and not exists (select 1 from outgoing_transfer t where t.purpose = 'SWEEP'
                                          and t.chain_id = d.chain_id and t.source_address = d.address
                                          and t.state in ('QUEUED', 'SIGNED', 'BROADCAST'))
                        order by a.balance, d.address_index limit ?3""", Object[].class)
                .setParameter(1, chainId).setParameter(2, minimumMicros).setParameter(3, limit).getResultList())
                .map(rows -> rows.stream().map(r -> new SweepCandidate((String) r[0], num(r[1]).intValue(),
                        num(r[2]).longValue(), (String) r[3])).toList());
    }

    /** USDT (micro-units) that transfers signed by {@code address} and not yet mined will take from it. */
    public Uni<Long> unminedTokensFrom(long chainId, String address) {
        return session().chain(s -> s.createNativeQuery("""
                        select coalesce(sum(amount_micros), 0) from outgoing_transfer
                        where chain_id = ?1 and from_address = ?2 and state in ('SIGNED', 'BROADCAST')""", Long.class)
                .setParameter(1, chainId).setParameter(2, address).getSingleResult());
    }

    /** Adds a QUEUED withdrawal transfer (from the hot wallet) unless its id exists; true when added. */
    public Uni<Boolean> add(String id, long chainId, String toAddress, long amountMicros) {
        return session().chain(s -> s.createNativeQuery("""
                        insert into outgoing_transfer (id, chain_id, to_address, amount_micros) values (?1, ?2, ?3, ?4)
                        on conflict (id) do nothing""")
                .setParameter(1, id).setParameter(2, chainId).setParameter(3, toAddress).setParameter(4, amountMicros)
                .executeUpdate()).map(added -> added == 1);
    }

    /**
     * Adds a QUEUED sweep of a deposit address's tokens to the hot wallet, unless its id exists or that address has
     * a sweep on its way already (one at a time: V8's index); true when added.
     */
    public Uni<Boolean> addSweep(String id, long chainId, String sourceAddress, int sourceIndex, String hotWallet,
            long amountMicros) {
        return session().chain(s -> s.createNativeQuery("""
                        insert into outgoing_transfer (id, chain_id, to_address, amount_micros, purpose, source_address,
                            source_index)
                        values (?1, ?2, ?3, ?4, 'SWEEP', ?5, ?6) on conflict do nothing""")
                .setParameter(1, id).setParameter(2, chainId).setParameter(3, hotWallet).setParameter(4, amountMicros)
                .setParameter(5, sourceAddress).setParameter(6, sourceIndex)
                .executeUpdate()).map(added -> added == 1);
    }

    /** Adds a QUEUED native-coin top-up of {@code toAddress}, unless one is on its way to it already; true when added. */
    public Uni<Boolean> addGas(String id, long chainId, String toAddress, BigInteger amountWei) {
        return session().chain(s -> s.createNativeQuery("""
                        insert into outgoing_transfer (id, chain_id, to_address, amount_micros, purpose, amount_wei)
                        values (?1, ?2, ?3, 0, 'GAS', ?4) on conflict do nothing""")
                .setParameter(1, id).setParameter(2, chainId).setParameter(3, toAddress)
                .setParameter(4, new BigDecimal(amountWei))
                .executeUpdate()).map(added -> added == 1);
    }

    /** Whether a transfer of {@code purpose} to or from {@code address} is on its way (QUEUED, SIGNED, BROADCAST). */
    public Uni<Boolean> openFor(TransferPurpose purpose, long chainId, String address) {
        return session().chain(s -> s.createNativeQuery("""
                        select count(*) from outgoing_transfer where purpose = ?1 and chain_id = ?2
                            and (source_address = ?3 or (source_address is null and to_address = ?3))
                            and state in ('QUEUED', 'SIGNED', 'BROADCAST')""", Long.class)
                .setParameter(1, purpose.name()).setParameter(2, chainId).setParameter(3, address)
                .getSingleResult()).map(n -> n > 0);
    }

    /** The transfer with its latest version, or null. */
    public Uni<TransferView> find(String id) {
        return session().chain(s -> s.createNativeQuery(VIEW + " where t.id = ?1", Object[].class)
                .setParameter(1, id).getResultList())
                .map(rows -> rows.isEmpty() ? null : view(rows.getFirst()));
    }

    /** Open transfers in {@code state}, oldest first. */
    public Uni<List<TransferView>> inState(TransferState state, int limit) {
        return session().chain(s -> s.createNativeQuery(VIEW + " where t.state = ?1 order by t.created_at, t.id limit ?2",
                        Object[].class)
                .setParameter(1, state.name()).setParameter(2, limit).getResultList())
                .map(rows -> rows.stream().map(TransferStore::view).toList());
    }

    /** Locks the transfer's row until the transaction ends, if it is still in {@code state}; false otherwise. */
    public Uni<Boolean> lockIn(String id, TransferState state) {
        return session().chain(s -> s.createNativeQuery(
                        "select id from outgoing_transfer where id = ?1 and state = ?2 for update", Object.class)
                .setParameter(1, id).setParameter(2, state.name()).getResultList())
                .map(rows -> !rows.isEmpty());
    }

    /**
     * The hot wallet's next nonce, its row locked until the transaction ends: the stored one, or
     * {@code onChain} (the node's count) when that is higher (nonces used outside the signer) or none is stored.
     */
    public Uni<Long> lockNextNonce(long chainId, String address, long onChain) {
        return session().chain(s -> s.createNativeQuery("""
                                insert into hot_wallet_nonce (chain_id, address, next_nonce) values (?1, ?2, ?3)
                                on conflict (chain_id, address) do nothing""")
                        .setParameter(1, chainId).setParameter(2, address).setParameter(3, onChain).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                                select next_nonce from hot_wallet_nonce where chain_id = ?1 and address = ?2 for update""",
                                Object.class)
                        .setParameter(1, chainId).setParameter(2, address).getSingleResult()))
                .map(next -> Math.max(((Number) next).longValue(), onChain));
    }

    public Uni<Void> setNextNonce(long chainId, String address, long next) {
        return update("update hot_wallet_nonce set next_nonce = ?3, updated_at = now() where chain_id = ?1 and address = ?2",
                chainId, address, next);
    }

    public Uni<Void> addVersion(SignedVersion v) {
        return session().chain(s -> s.createNativeQuery("""
                        insert into signed_transaction (tx_hash, transfer_id, version, chain_id, from_address, nonce, raw_tx,
                            gas_limit, max_fee_per_gas, max_priority_fee_per_gas)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, v.txHash()).setParameter(2, v.transferId()).setParameter(3, v.version())
                .setParameter(4, v.chainId()).setParameter(5, v.fromAddress()).setParameter(6, v.nonce())
                .setParameter(7, v.rawTx()).setParameter(8, v.gasLimit()).setParameter(9, v.fees().maxFeePerGas())
                .setParameter(10, v.fees().maxPriorityFeePerGas())
                .executeUpdate()).replaceWithVoid();
    }

    /** Every signed version of the transfer, first to latest. */
    public Uni<List<SignedVersion>> versions(String transferId) {
        return session().chain(s -> s.createNativeQuery("""
                        select tx_hash, transfer_id, version, chain_id, from_address, nonce, raw_tx, gas_limit,
                               max_fee_per_gas, max_priority_fee_per_gas, created_at
                        from signed_transaction where transfer_id = ?1 order by version""", Object[].class)
                .setParameter(1, transferId).getResultList())
                .map(rows -> rows.stream().map(r -> new SignedVersion((String) r[0], (String) r[1], num(r[2]).intValue(),
                        num(r[3]).longValue(), (String) r[4], num(r[5]).longValue(), (String) r[6], num(r[7]).longValue(),
                        new Fees(num(r[8]).longValue(), num(r[9]).longValue()), instant(r[10]))).toList());
    }

    public Uni<Void> markSigned(String id, String fromAddress, long nonce) {
        return update("""
                update outgoing_transfer set state = 'SIGNED', from_address = ?2, nonce = ?3, signed_at = now()
                where id = ?1 and state = 'QUEUED'""", id, fromAddress, nonce);
    }

    public Uni<Void> markBroadcast(String id) {
        return update("""
                update outgoing_transfer set state = 'BROADCAST', broadcast_at = now() where id = ?1 and state = 'SIGNED'""",
                id);
    }

    public Uni<Void> markBlocked(String id, String reason) {
        return update("""
                update outgoing_transfer set state = 'BLOCKED', reason = ?2, finished_at = now()
                where id = ?1 and state = 'QUEUED'""", id, reason);
    }

    /** SIGNED or BROADCAST → MINED or FAILED, with the version that was mined. */
    public Uni<Void> markMined(String id, TransferState outcome, String txHash, long block, String reason) {
        return update("""
                update outgoing_transfer set state = ?2, mined_tx_hash = ?3, mined_block = ?4, reason = ?5,
                    finished_at = now(), broadcast_at = coalesce(broadcast_at, now())
                where id = ?1 and state in ('SIGNED', 'BROADCAST')""", id, outcome.name(), txHash, block, reason);
    }

    private static Uni<Void> update(String sql, Object... params) {
        return session().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }).invoke(updated -> {
            if (updated != 1) {
                throw new IllegalStateException("expected to change one row, changed " + updated + ": " + sql.strip());
            }
        }).replaceWithVoid();
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    private static TransferView view(Object[] r) {
        return new TransferView((String) r[0], num(r[1]).longValue(), (String) r[2], num(r[3]).longValue(),
                TransferState.valueOf((String) r[4]), (String) r[5], (String) r[6], r[7] == null ? null : num(r[7]).longValue(),
                (String) r[8], r[9] == null ? null : num(r[9]).longValue(), num(r[10]).intValue(), instant(r[11]),
                instant(r[12]), instant(r[13]), instant(r[14]), TransferPurpose.valueOf((String) r[15]), (String) r[16],
                r[17] == null ? null : num(r[17]).intValue(), r[18] == null ? null : new BigDecimal(r[18].toString()).toBigIntegerExact());
    }

    private static Number num(Object o) {
        return (Number) o;
    }

    private static Instant instant(Object o) {
        return switch (o) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime t -> t.toInstant();
            case Timestamp t -> t.toInstant();
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + o.getClass());
        };
    }
}
