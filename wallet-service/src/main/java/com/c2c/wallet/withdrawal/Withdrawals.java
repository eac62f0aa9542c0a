package com.c2c.wallet.withdrawal;

import com.c2c.chain.evm.EvmAddress;
import com.c2c.events.UsdtAmount;
import com.c2c.platform.web.Problem;
import com.c2c.platform.web.ProblemException;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.signer.SignerConfig;
import com.c2c.wallet.withdrawal.api.WithdrawalRequest;
import com.c2c.wallet.withdrawal.api.WithdrawalView;
import com.c2c.wallet.withdrawal.config.WithdrawalConfig;
import com.c2c.wallet.withdrawal.domain.WithdrawalAction;
import com.c2c.wallet.withdrawal.domain.WithdrawalLifecycle;
import com.c2c.wallet.withdrawal.domain.WithdrawalState;
import com.c2c.wallet.withdrawal.store.Withdrawal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What owners and admins do with withdrawals (ADR 0014): request (the hold goes on), confirm a new address,
 * cancel, approve, reject. Each runs in one transaction with the withdrawal's row locked, so two steps on one
 * withdrawal happen one after the other, and an owner's requests one after the other (their daily limit).
 */
@ApplicationScoped
public class Withdrawals {
    /**
     * The daily limit's window: the last 24 hours, rolling, rather than the UTC day, so that no one can
     * withdraw twice the limit across midnight.
     */
    static final Duration DAILY_WINDOW = Duration.ofHours(24);

    private final WithdrawalConfig config;
    private final WithdrawalMoves moves;
    private final Ledger ledger;
    /** The one chain the signer sends on: a withdrawal on another could be held but never sent. */
    private final long sendingChainId;

    Withdrawals(WithdrawalConfig config, WithdrawalMoves moves, Ledger ledger, SignerConfig signer) {
        this.sendingChainId = signer.chainId();
        this.config = config;
        this.moves = moves;
        this.ledger = ledger;
    }

    /** The withdrawal and whether this request created it (201) or found it under its Idempotency-Key (200). */
    public record Requested(WithdrawalView withdrawal, boolean created) {
    }

    /** A withdrawal's id: from its owner and the client's Idempotency-Key, so the same request finds the same one. */
    public static UUID idOf(String ownerId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("withdrawal:" + ownerId.length() + ":" + ownerId + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
    }

    @WithTransaction
    public Uni<Requested> request(String ownerId, String idempotencyKey, WithdrawalRequest request) {
        WithdrawalConfig.Chain chain = chain(request.chainId());
        String to = ProblemException.field("toAddress", () -> EvmAddress.parse(request.toAddress())).toLowerCase();
        long amount = ProblemException.field("amount", () -> UsdtAmount.toMicros(request.amount()));
        long minimum = UsdtAmount.toMicros(chain.minimum());
        if (amount < minimum) {
            throw ProblemException.invalidField("amount", "must be at least " + usdt(minimum) + " USDT on chain "
                    + request.chainId());
        }
        long fee = UsdtAmount.toMicros(chain.fee());
        UUID id = idOf(ownerId, idempotencyKey);
        // One owner's requests one after the other: the daily limit and the balance are checked against what the
        // previous request left, and a retry racing its original finds it.
        return oneAtATime("withdrawal-owner:" + ownerId)
                .chain(() -> Withdrawal.<Withdrawal>findById(id))
                .chain(existing -> existing != null
                        ? viewOf(sameOrConflict(existing, request.chainId(), to, amount)).map(v -> new Requested(v, false))
                        : create(id, ownerId, idempotencyKey, request.chainId(), to, amount, fee, chain)
                                .chain(Withdrawals::viewOf).map(v -> new Requested(v, true)));
    }

    private Uni<Withdrawal> create(UUID id, String ownerId, String key, long chainId, String to, long amount,
            long fee, WithdrawalConfig.Chain chain) {
        long limit = UsdtAmount.toMicros(chain.dailyLimit());
        Instant now = WithdrawalMoves.now();
        return withdrawnWithin(ownerId, chainId, now.minus(DAILY_WINDOW)).chain(already -> {
            if (already + amount > limit) {
                throw new ProblemException(422, "daily-limit-exceeded", "Over the daily withdrawal limit",
                        "amount " + usdt(amount) + " USDT would take the last 24 hours' withdrawals on chain " + chainId
                                + " to " + usdt(already + amount) + " USDT, over the limit of " + usdt(limit)
                                + " USDT (" + usdt(Math.max(0, limit - already)) + " USDT left)",
                        List.of(new Problem.FieldError("amount", "exceeds the daily limit of " + usdt(limit)
                                + " USDT; " + usdt(Math.max(0, limit - already)) + " USDT left")));
            }
            Withdrawal w = new Withdrawal();
            w.id = id;
            w.ownerId = ownerId;
            w.idempotencyKey = key;
            w.chainId = chainId;
            w.toAddress = to;
            w.asset = WithdrawalMoves.ASSET;
            w.amountMicros = amount;
            w.feeMicros = fee;
            w.approvalsRequired = WithdrawalLifecycle.approvalsRequired(amount,
                    UsdtAmount.toMicros(chain.approvalThreshold()));
            w.createdAt = now;
            w.updatedAt = now;
            // The balance is checked with the accounts locked, so a concurrent debit waits for this one; the
            // SQL check would refuse an overdraft anyway, but as a failed transaction rather than an answer.
            return ledger.lockAccounts(w.asset, WithdrawalMoves.holdLegs(w))
                    .chain(balances -> {
                        long available = balances.get(0);
                        if (available < w.heldMicros()) {
                            throw ProblemException.conflict("insufficient-funds", "withdrawing " + usdt(amount)
                                    + " USDT + fee " + usdt(fee) + " USDT needs " + usdt(w.heldMicros())
                                    + " USDT available; you have " + usdt(available) + " USDT");
                        }
                        return knownAddress(ownerId, chainId, to);
                    })
                    .chain(known -> {
                        w.state = WithdrawalLifecycle.onRequest(!known, w.approvalsRequired);
                        return moves.request(w);
                    });
        });
    }

    /**
     * The owner confirms a withdrawal to a new address, with a recent second factor ({@code requireSecondFactor}
     * refuses the caller without one); the cool-down starts.
     */
    @WithTransaction
    public Uni<WithdrawalView> confirm(String ownerId, UUID id, Runnable requireSecondFactor) {
        return own(ownerId, id).chain(w -> {
            if (w.cooldownUntil != null) {
                return Uni.createFrom().item(w); // confirmed already (the cool-down started then): a retry
            }
            requireSecondFactor.run();
            refuseUnlessAllowed(w, WithdrawalAction.CONFIRM_ADDRESS);
            Instant now = WithdrawalMoves.now();
            w.cooldownUntil = now.plus(config.newAddressCooldown());
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into withdrawal_address (owner_id, chain_id, address, first_confirmed_at)
                            values (?1, ?2, ?3, ?4) on conflict do nothing""")
                            .setParameter(1, w.ownerId).setParameter(2, w.chainId).setParameter(3, w.toAddress)
                            .setParameter(4, now)
                            .executeUpdate())
                    .chain(() -> moves.move(w, WithdrawalAction.CONFIRM_ADDRESS,
                            WithdrawalLifecycle.after(WithdrawalAction.CONFIRM_ADDRESS, w.approvalsRequired, 0),
                            ownerId, null, null));
        }).chain(Withdrawals::viewOf);
    }

    /** The owner takes a withdrawal back before it is signed: the hold returns to AVAILABLE. */
    @WithTransaction
    public Uni<WithdrawalView> cancel(String ownerId, UUID id) {
        return own(ownerId, id).chain(w -> {
            if (w.state == WithdrawalState.CANCELLED) {
                return Uni.createFrom().item(w);
            }
            refuseUnlessAllowed(w, WithdrawalAction.CANCEL);
            return moves.move(w, WithdrawalAction.CANCEL, WithdrawalState.CANCELLED, ownerId, null, null);
        }).chain(Withdrawals::viewOf);
    }

    /**
     * An admin's approval, with a recent second factor: never the requester's own (403), once per admin (409);
     * the last approval needed makes the withdrawal APPROVED.
     */
    @WithTransaction
    public Uni<WithdrawalView> approve(String adminId, UUID id, Runnable requireSecondFactor) {
        return any(id).chain(w -> {
            if (w.ownerId.equals(adminId)) {
                throw new ProblemException(403, "own-withdrawal", "Forbidden",
                        "an admin cannot approve their own withdrawal", List.of());
            }
            requireSecondFactor.run();
            return approvers(w.id).chain(approvers -> {
                if (approvers.contains(adminId)) {
                    throw ProblemException.conflict("already-approved",
                            "you approved withdrawal " + w.id + " already; another admin must approve it");
                }
                refuseUnlessAllowed(w, WithdrawalAction.APPROVE);
                WithdrawalState to = WithdrawalLifecycle.after(WithdrawalAction.APPROVE, w.approvalsRequired,
                        approvers.size() + 1);
                return Panache.getSession().chain(session -> session.createNativeQuery("""
                                insert into withdrawal_approval (withdrawal_id, admin_id, approved_at) values (?1, ?2, ?3)""")
                                .setParameter(1, w.id).setParameter(2, adminId).setParameter(3, WithdrawalMoves.now())
                                .executeUpdate())
                        .chain(() -> moves.move(w, WithdrawalAction.APPROVE, to, adminId, null, null));
            });
        }).chain(Withdrawals::viewOf);
    }

    /** An admin refuses a withdrawal before it is signed: the hold returns to AVAILABLE. */
    @WithTransaction
    public Uni<WithdrawalView> reject(String adminId, UUID id, String reason) {
        return any(id).chain(w -> {
            if (w.state == WithdrawalState.REJECTED) {
                return Uni.createFrom().item(w);
            }
            refuseUnlessAllowed(w, WithdrawalAction.REJECT);
            return moves.move(w, WithdrawalAction.REJECT, WithdrawalState.REJECTED, adminId, reason.strip(), null);
        }).chain(Withdrawals::viewOf);
    }

    /** The withdrawal with its approvers, read in the transaction that changed it. */
    static Uni<WithdrawalView> viewOf(Withdrawal w) {
        return approvers(w.id).map(approvers -> WithdrawalView.of(w, approvers));
    }

    /** The admins who approved a withdrawal so far. */
    public static Uni<TreeSet<String>> approvers(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select admin_id from withdrawal_approval where withdrawal_id = ?1", String.class)
                .setParameter(1, id)
                .getResultList()).map(TreeSet::new);
    }

    /** A chain withdrawals are configured for and the signer sends on (one configured for another is refused). */
    private WithdrawalConfig.Chain chain(Long chainId) {
        WithdrawalConfig.Chain chain = chainId == null || chainId != sendingChainId ? null
                : config.chains().get(String.valueOf(chainId));
        if (chain == null) {
            String enabled = config.chains().containsKey(String.valueOf(sendingChainId)) ? String.valueOf(sendingChainId)
                    : "none";
            throw ProblemException.invalidField("chainId", "is not a chain withdrawals are enabled on (enabled: "
                    + enabled + ")");
        }
        return chain;
    }

    /** The owner's withdrawal, locked; someone else's is not found. */
    private static Uni<Withdrawal> own(String ownerId, UUID id) {
        return Withdrawal.lock(id).map(w -> {
            if (w == null || !w.ownerId.equals(ownerId)) {
                throw ProblemException.notFound("withdrawal " + id);
            }
            return w;
        });
    }

    private static Uni<Withdrawal> any(UUID id) {
        return Withdrawal.lock(id).map(w -> {
            if (w == null) {
                throw ProblemException.notFound("withdrawal " + id);
            }
            return w;
        });
    }

    static void refuseUnlessAllowed(Withdrawal w, WithdrawalAction action) {
        if (!action.allowedFrom(w.state)) {
            throw ProblemException.conflict("withdrawal-state", "withdrawal " + w.id + " is " + w.state
                    + "; it cannot be " + action.verb() + " now");
        }
    }

    private static Withdrawal sameOrConflict(Withdrawal existing, long chainId, String to, long amount) {
        if (existing.chainId != chainId || !existing.toAddress.equals(to) || existing.amountMicros != amount) {
            throw ProblemException.conflict("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different withdrawal");
        }
        return existing;
    }

    /** What the owner has withdrawn, or is withdrawing, on the chain since {@code since} (refused ones do not count). */
    private static Uni<Long> withdrawnWithin(String ownerId, long chainId, Instant since) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select cast(coalesce(sum(amount_micros), 0) as bigint) from withdrawal
                        where owner_id = ?1 and chain_id = ?2 and created_at > ?3
                          and state not in ('CANCELLED', 'REJECTED', 'FAILED')""", Long.class)
                .setParameter(1, ownerId).setParameter(2, chainId).setParameter(3, since)
                .getSingleResult());
    }

    private static Uni<Boolean> knownAddress(String ownerId, long chainId, String address) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select count(*) from withdrawal_address where owner_id = ?1 and chain_id = ?2 and address = ?3""",
                        Long.class)
                .setParameter(1, ownerId).setParameter(2, chainId).setParameter(3, address)
                .getSingleResult()).map(n -> n > 0);
    }

    /** A transaction-scoped advisory lock on the key (as development credits take theirs). */
    private static Uni<Integer> oneAtATime(String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked", Integer.class)
                .setParameter(1, key)
                .getSingleResult());
    }

    static String usdt(long micros) {
        BigDecimal value = UsdtAmount.fromMicros(micros).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
