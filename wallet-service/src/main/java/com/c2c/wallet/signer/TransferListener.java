package com.c2c.wallet.signer;

import io.smallrye.mutiny.Uni;

/**
 * Told of every state change of an outgoing transfer (SIGNED, BROADCAST, MINED, FAILED, BLOCKED), <em>inside
 * the database transaction that makes the change</em>: what the listener writes (a withdrawal moving to SIGNED,
 * its hold returned when BLOCKED) commits with the signer's change, or neither does. A failing listener rolls the
 * change back and the signer tries again on its next pass, so a listener must be idempotent by transfer id and
 * state and must not block (it runs on the transaction's Vert.x context).
 *
 * <p>Implement it as a CDI bean ({@code @ApplicationScoped}); every such bean is called, in no set order.
 * A change may skip a state (SIGNED → MINED when a restart finds the transaction already mined).
 */
public interface TransferListener {
    Uni<Void> changed(TransferView transfer);
}
