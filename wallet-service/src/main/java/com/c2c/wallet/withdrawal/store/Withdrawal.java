package com.c2c.wallet.withdrawal.store;

import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A withdrawal as stored (V6): what it sends, never changed after the request, and where it stands. */
@Entity
@Table(name = "withdrawal")
public class Withdrawal extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @Column(name = "chain_id", nullable = false)
    public long chainId;
    /** Lower-case 0x form. */
    @Column(name = "to_address", nullable = false)
    public String toAddress;
    @Column(nullable = false)
    public String asset;
    @Column(name = "amount_micros", nullable = false)
    public long amountMicros;
    @Column(name = "fee_micros", nullable = false)
    public long feeMicros;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WithdrawalState state;
    @Column(name = "approvals_required", nullable = false)
    public int approvalsRequired;
    public String reason;
    @Column(name = "cooldown_until")
    public Instant cooldownUntil;
    @Column(name = "tx_hash")
    public String txHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What the hold is: the amount and the fee. */
    public long heldMicros() {
        return Math.addExact(amountMicros, feeMicros);
    }

    /** The withdrawal, its row locked until the transaction ends (null when there is none). */
    public static Uni<Withdrawal> lock(UUID id) {
        return Withdrawal.<Withdrawal>findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Withdrawals whose cool-down has passed, locked, skipping rows another replica holds. */
    public static Uni<List<Withdrawal>> lockCooledDown(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select * from withdrawal
                        where state = 'COOLING_DOWN' and cooldown_until <= :now
                        order by cooldown_until
                        limit :limit
                        for update skip locked""", Withdrawal.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
