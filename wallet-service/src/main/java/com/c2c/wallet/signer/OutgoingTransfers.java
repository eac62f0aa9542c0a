package com.c2c.wallet.signer;

import com.c2c.chain.InvalidAddressException;
import com.c2c.chain.evm.EvmAddress;
import com.c2c.platform.web.ProblemException;
import com.c2c.wallet.signer.store.TransferStore;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * How the rest of the wallet hands token transfers out of the hot wallet to the signer, and watches them.
 * A submitted transfer is QUEUED; the signer (its own thread, {@link SignerLoop}) checks the token's blacklist,
 * signs it with the next nonce, broadcasts it, replaces it if it is stuck, and follows it to MINED or FAILED —
 * or BLOCKED, without using a nonce. Each change is told to every {@link TransferListener} in its transaction.
 *
 * <pre>{@code
 * transfers.submit("withdrawal:" + id, 31337, "0xabc…", 25_000_000)   // in the caller's transaction, if any
 * transfers.transferState("withdrawal:" + id)                          // Optional<TransferView>
 * }</pre>
 */
@ApplicationScoped
public class OutgoingTransfers {
    /** transfer ids: the caller's own (e.g. {@code withdrawal:<uuid>}), at most this long. */
    public static final int MAX_ID_LENGTH = 128;

    private static final String ZERO_ADDRESS = "0x" + "0".repeat(40);

    private final TransferStore store;
    private final SignerConfig config;

    OutgoingTransfers(TransferStore store, SignerConfig config) {
        this.store = store;
        this.config = config;
    }

    /** What {@link #submit} did: the transfer as stored, and whether this call queued it. */
    public record Submitted(TransferView transfer, boolean created) {
    }

    /**
     * Queues a transfer of {@code amountMicros} (USDT micro-units) from the hot wallet to {@code toAddress} on
     * {@code chainId}. Idempotent by {@code transferId}: the same id with the same chain, destination and amount
     * answers the stored transfer ({@code created} false) and changes nothing, whatever its state; the same id with
     * anything else is refused (409 problem {@code transfer-id-reused}). Invalid input: 400 problem naming the
     * field. Joins the caller's transaction when there is one, so a withdrawal can be approved and queued at once.
     */
    @WithTransaction
    public Uni<Submitted> submit(String transferId, long chainId, String toAddress, long amountMicros) {
        if (transferId == null || transferId.isBlank() || transferId.length() > MAX_ID_LENGTH) {
            throw ProblemException.invalidField("transferId", "must be 1.." + MAX_ID_LENGTH + " characters");
        }
        if (chainId != config.chainId()) {
            throw ProblemException.invalidField("chainId", "the hot wallet sends on chain " + config.chainId() + " only");
        }
        String to;
        try {
            to = EvmAddress.parse(toAddress).toLowerCase();
        } catch (InvalidAddressException e) {
            throw ProblemException.invalidField("toAddress", e.getMessage());
        }
        if (to.equals(ZERO_ADDRESS)) {
            throw ProblemException.invalidField("toAddress", "must not be the zero address (the token refuses it)");
        }
        if (amountMicros <= 0) {
            throw ProblemException.invalidField("amountMicros", "must be positive");
        }
        return store.add(transferId, chainId, to, amountMicros)
                .chain(created -> store.find(transferId).map(stored -> {
                    if (!created && (stored.chainId() != chainId || !stored.toAddress().equals(to)
                            || stored.amountMicros() != amountMicros)) {
                        throw ProblemException.conflict("transfer-id-reused", "transfer " + transferId
                                + " was already submitted with another chain, destination or amount");
                    }
                    return new Submitted(stored, created);
                }));
    }

    /** The transfer as the signer sees it now; empty when no transfer has this id. */
    @WithSession
    public Uni<Optional<TransferView>> transferState(String transferId) {
        return store.find(transferId).map(Optional::ofNullable);
    }
}
