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
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registers deposit addresses to watch. Addresses are stored lower-case, so each is watched once. */
@ApplicationScoped
public class WatchService {
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Set<Long> supportedChains;

    WatchService(Outbox outbox, AuditTrail audit,
            @ConfigProperty(name = "c2c.chain.supported-chain-ids") Set<Long> supportedChains) {
        this.outbox = outbox;
        this.audit = audit;
        this.supportedChains = supportedChains;
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
        return WatchedAddress.<WatchedAddress>findById(key).chain(existing -> {
            if (existing != null) {
                if (!existing.ownerId.equals(request.ownerId())) {
                    throw ProblemException.conflict("address-taken", "address is already watched for another owner");
                }
                return Uni.createFrom().item(new Outcome(existing, false));
            }
            WatchedAddress watched = new WatchedAddress();
            watched.key = key;
            watched.ownerId = request.ownerId();
            watched.createdAt = Instant.now();
            AddressWatched event = new AddressWatched(chainId, key.address(), watched.ownerId);
            return watched.<WatchedAddress>persist()
                    .call(() -> outbox.add(Topics.CHAIN_EVENTS, key.address(), EventTypes.ADDRESS_WATCHED,
                            chainId + ":" + key.address(), event))
                    .call(() -> audit.record(adminId, "address.watch", chainId + ":" + key.address(),
                            "for owner " + watched.ownerId))
                    .map(w -> new Outcome(w, true));
        });
    }
}
