package com.c2c.chain.address;

import com.c2c.platform.messaging.audit.AuditTrail;
import com.c2c.chain.address.api.WatchAddressRequest;
import com.c2c.chain.address.store.WatchedAddress;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.chain.AddressWatched;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import com.c2c.chain.config.ChainConfig;
import com.c2c.events.wallet.DepositAddressAssigned;
import com.c2c.platform.messaging.consumer.PoisonEvent;
import com.c2c.chain.scan.domain.BackfillWindow;
import com.c2c.chain.scan.store.ChainCursor;
import jakarta.persistence.LockModeType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Registers deposit addresses to watch, from the wallet's {@code DepositAddressAssigned} events or an admin's
 * request. Addresses are stored lower-case, so each is watched once; an address belongs to one owner.
 */
@ApplicationScoped
public class WatchService {
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Set<Long> supportedChains;
    private final Map<Long, ChainConfig.Chain> chainsById;

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    WatchService(Outbox outbox, AuditTrail audit, ChainConfig chains) {
        this.outbox = outbox;
        this.audit = audit;
        this.supportedChains = chains.chainIds();
        this.chainsById = chains.chains().values().stream()
                .collect(Collectors.toUnmodifiableMap(ChainConfig.Chain::chainId, Function.identity(), (a, b) -> a));
    }

    public record Outcome(WatchedAddress watched, boolean created) {
    }

    /** Idempotent: watching an address already watched for the same owner returns it; another owner is a 409. */
    @WithTransaction
    public Uni<Outcome> watch(String adminId, long chainId, WatchAddressRequest request) {
        if (!supportedChains.contains(chainId)) {
            throw ProblemException.invalidField("chainId", "is not a chain this watcher follows " + supportedChains);
        }
        WatchedAddress.Key key = new WatchedAddress.Key(chainId, request.address().toLowerCase(Locale.ROOT));
        return store(key, request.ownerId(), () -> {
            throw ProblemException.conflict("address-taken", "address is already watched for another owner");
        }).call(outcome -> outcome.created()
                ? audit.record(adminId, "address.watch", chainId + ":" + key.address(), "for owner " + request.ownerId())
                : Uni.createFrom().voidItem());
    }

    /**
     * The wallet gave an owner this address: watch it, once (runs in the consumer's inbox transaction). An
     * address the wallet says is another owner's than the one it is watched for, or on a chain this watcher
     * does not follow, can never be applied: a poison event, dead-lettered for an operator.
     */
    public Uni<Void> assigned(DepositAddressAssigned assigned) {
        if (!supportedChains.contains(assigned.chainId())) {
            throw PoisonEvent.invalid("chain " + assigned.chainId() + " is not one this watcher follows " + supportedChains);
        }
        String address = assigned.address().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(address).matches() || assigned.ownerId().isBlank() || assigned.ownerId().length() > 64) {
            throw PoisonEvent.invalid("address " + assigned.address() + " or owner is malformed");
        }
        WatchedAddress.Key key = new WatchedAddress.Key(assigned.chainId(), address);
        return store(key, assigned.ownerId(), () -> {
            throw PoisonEvent.invalid("address " + address + " on chain " + assigned.chainId()
                    + " is already watched for another owner");
        }).replaceWithVoid();
    }

    /** Stores the address for the owner, announcing it once; {@code taken} throws when it is another's. */
    private Uni<Outcome> store(WatchedAddress.Key key, String ownerId, Runnable taken) {
        return WatchedAddress.<WatchedAddress>findById(key).chain(existing -> {
            if (existing != null) {
                if (!existing.ownerId.equals(ownerId)) {
                    taken.run();
                }
                return Uni.createFrom().item(new Outcome(existing, false));
            }
            WatchedAddress watched = new WatchedAddress();
            watched.key = key;
            watched.ownerId = ownerId;
            watched.createdAt = Instant.now();
            AddressWatched event = new AddressWatched(key.chainId(), key.address(), ownerId);
            return backfillWindow(key.chainId()).chain(window -> {
                window.ifPresent(w -> {
                    watched.backfillFrom = w.from();
                    watched.backfillTo = w.to();
                });
                return watched.<WatchedAddress>persist();
            }).call(() -> outbox.add(Topics.CHAIN_EVENTS, key.address(), EventTypes.ADDRESS_WATCHED,
                    key.chainId() + ":" + key.address(), event))
                    .map(w -> new Outcome(w, true));
        });
    }

    /**
     * The blocks the scanner already read that a new address must have read again (the wallet's assignment can
     * arrive after the user was shown the address and paid). The cursor row is read with a share lock, held to the
     * commit: a scanner step, which locks it for update, either committed before (its cursor is the window's end)
     * or starts after this address is visible to it, so no block falls between the two.
     */
    private Uni<Optional<BackfillWindow>> backfillWindow(long chainId) {
        ChainConfig.Chain chain = chainsById.get(chainId);
        if (chain == null || chain.backfillBlocks() <= 0) {
            return Uni.createFrom().item(Optional.empty());
        }
        return ChainCursor.<ChainCursor>findById(chainId, LockModeType.PESSIMISTIC_READ)
                .map(cursor -> cursor == null ? Optional.<BackfillWindow>empty()
                        : BackfillWindow.forAddressAddedAt(cursor.cursorBlock, chain.startBlock().orElse(0),
                                chain.backfillBlocks()));
    }
}
