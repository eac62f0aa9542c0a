package com.c2c.wallet.reconcile;

import com.c2c.platform.messaging.reconcile.Hold;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reconciliation itself (ADR 0012), pure: per owner, what the ledger holds against what order-service
 * and escrow believe it should hold,
 * <pre>
 *   drift reserved = wallet reserved - (order reserved + escrow reserved)
 *   drift locked   = wallet locked   - (order locked   + escrow locked)
 * </pre>
 * and, per kind, how many owners drift and by how many micro-units in all (the sum of each owner's
 * absolute drift, so that two owners' opposite errors do not cancel out).
 *
 * <p>One comparison is three reports taken a moment apart, so an owner with events in flight drifts for a
 * moment. {@link #persistingFrom(Drift)} keeps only the drift that cannot be traffic.
 */
public record Drift(List<OwnerDrift> owners, int ownersReserved, int ownersLocked, long microsReserved,
        long microsLocked) {
    public static final Drift NONE = new Drift(List.of(), 0, 0, 0, 0);

    /** One owner whose numbers disagree. */
    public record OwnerDrift(String ownerId, long walletReserved, long expectedReserved, long walletLocked,
            long expectedLocked) {
        public long reserved() {
            return walletReserved - expectedReserved;
        }

        public long locked() {
            return walletLocked - expectedLocked;
        }
    }

    public boolean none() {
        return owners.isEmpty();
    }

    /**
     * The owners of this comparison that drifted in {@code previous} too with the very same four numbers (ledger
     * reserved and locked, expected reserved and locked): nothing of theirs moved on any side between the two
     * comparisons, so no event was in flight for them, yet the sides disagree. With comparisons an interval apart
     * this is drift that is not traffic (or an event stuck for a whole interval, which is worth a look too). An owner
     * whose USDT moves in every interval is not judged here until it has a quiet one; its drift stays in this run's
     * figures.
     */
    public Drift persistingFrom(Drift previous) {
        Map<String, OwnerDrift> before = new HashMap<>();
        previous.owners.forEach(d -> before.put(d.ownerId(), d));
        return of(owners.stream().filter(d -> d.equals(before.get(d.ownerId()))).toList());
    }

    public static Drift of(Collection<Hold> wallet, Collection<Hold> order, Collection<Hold> escrow) {
        Map<String, long[]> byOwner = new TreeMap<>(); // wallet reserved, expected reserved, wallet locked, expected locked
        for (Hold h : wallet) {
            long[] n = byOwner.computeIfAbsent(h.ownerId(), k -> new long[4]);
            n[0] += h.reservedMicros();
            n[2] += h.lockedMicros();
        }
        for (Hold h : order) {
            add(byOwner, h);
        }
        for (Hold h : escrow) {
            add(byOwner, h);
        }
        List<OwnerDrift> drifting = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byOwner.entrySet()) {
            long[] n = e.getValue();
            OwnerDrift d = new OwnerDrift(e.getKey(), n[0], n[1], n[2], n[3]);
            if (d.reserved() != 0 || d.locked() != 0) {
                drifting.add(d);
            }
        }
        return of(drifting);
    }

    /** The figures of these drifting owners (by owner id). */
    private static Drift of(List<OwnerDrift> drifting) {
        int ownersReserved = 0;
        int ownersLocked = 0;
        long microsReserved = 0;
        long microsLocked = 0;
        for (OwnerDrift d : drifting) {
            if (d.reserved() != 0) {
                ownersReserved++;
                microsReserved += Math.abs(d.reserved());
            }
            if (d.locked() != 0) {
                ownersLocked++;
                microsLocked += Math.abs(d.locked());
            }
        }
        return new Drift(List.copyOf(drifting), ownersReserved, ownersLocked, microsReserved, microsLocked);
    }

    private static void add(Map<String, long[]> byOwner, Hold h) {
        long[] n = byOwner.computeIfAbsent(h.ownerId(), k -> new long[4]);
        n[1] += h.reservedMicros();
        n[3] += h.lockedMicros();
    }
}
