package com.c2c.wallet.deposit;

import com.c2c.chain.deposit.DepositAddressDeriver;
import com.c2c.chain.evm.EvmAddress;
import com.c2c.chain.keys.InvalidChildKeyException;
import com.c2c.events.EventTypes;
import com.c2c.events.Topics;
import com.c2c.events.wallet.DepositAddressAssigned;
import com.c2c.platform.messaging.outbox.Outbox;
import com.c2c.platform.web.ProblemException;
import com.c2c.wallet.deposit.config.DepositConfig;
import com.c2c.wallet.deposit.store.DepositAddress;
import com.c2c.wallet.ledger.AdvisoryLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Gives each owner one deposit address per chain: the next unused index of the configured account xpub,
 * announced (DepositAddressAssigned, so chain-watcher follows it) in the transaction that records it. Holds
 * no private key: the addresses are derived from the public key alone.
 */
@ApplicationScoped
@Startup // a wrong xpub or token contract fails the start, not the first user's request
public class DepositAddresses {
    private final DepositConfig config;
    private final DepositAddressDeriver deriver;
    private final Outbox outbox;

    DepositAddresses(DepositConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
        this.deriver = DepositAddressDeriver.fromAccountXpub(config.xpub());
        config.check();
    }

    /** The address and whether this call gave it (false: the owner already had it). */
    public record Assignment(DepositAddress address, boolean created) {
    }

    @WithTransaction
    public Uni<Assignment> assign(String ownerId, long chainId) {
        if (!config.supports(chainId)) {
            throw ProblemException.invalidField("chainId", "is not a chain the wallet takes deposits on; supported: "
                    + config.supportedChainIds());
        }
        // First asks on one chain wait for each other: two at once for one owner give one address, and the next
        // free index is read by one caller at a time (the unique index is the database's own backstop).
        return AdvisoryLock.hold("deposit-address:" + chainId)
                .chain(() -> DepositAddress.<DepositAddress>findById(new DepositAddress.Key(chainId, ownerId)))
                .chain(known -> known != null
                        ? Uni.createFrom().item(new Assignment(known, false))
                        : nextIndex(chainId).chain(index -> create(ownerId, chainId, index)));
    }

    /** The address at {@code index}, as every BIP-44 wallet derives it from the account key. */
    public EvmAddress addressAt(int index) {
        return deriver.addressAt(index);
    }

    private static Uni<Integer> nextIndex(long chainId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(coalesce(max(address_index) + 1, 0) as bigint) from deposit_address where chain_id = ?1",
                        Long.class)
                .setParameter(1, chainId)
                .getSingleResult())
                .map(Math::toIntExact);
    }

    private Uni<Assignment> create(String ownerId, long chainId, int firstFree) {
        DepositAddress row = new DepositAddress();
        row.key = new DepositAddress.Key(chainId, ownerId);
        int index = firstFree;
        EvmAddress address;
        while (true) {
            try {
                address = deriver.addressAt(index);
                break;
            } catch (InvalidChildKeyException e) {
                index++; // BIP-32: an index that gives no key (about 2^-127) is skipped for the next
            }
        }
        row.addressIndex = index;
        row.address = address.toLowerCase();
        row.assignedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DepositAddressAssigned event = new DepositAddressAssigned(chainId, row.address, ownerId, index);
        return row.<DepositAddress>persist()
                .call(() -> outbox.add(Topics.WALLET_EVENTS, ownerId, EventTypes.DEPOSIT_ADDRESS_ASSIGNED,
                        chainId + ":" + row.address, event))
                .map(saved -> new Assignment(saved, true));
    }
}
