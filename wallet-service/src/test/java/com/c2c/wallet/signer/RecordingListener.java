package com.c2c.wallet.signer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every change the signer announced, in order (a test's stand-in for the withdrawal side). */
@ApplicationScoped
public class RecordingListener implements TransferListener {
    private final List<TransferView> changes = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

    @Override
    public Uni<Void> changed(TransferView transfer) {
        if (failOnce.remove(transfer.id())) {
            return Uni.createFrom().failure(new IllegalStateException("the listener fails (test) for " + transfer.id()));
        }
        changes.add(transfer);
        return Uni.createFrom().voidItem();
    }

    /** The next change of this transfer fails in the listener (as a withdrawal's write failing would). */
    void failNextChangeOf(String transferId) {
        failOnce.add(transferId);
    }

    List<TransferView> of(String transferId) {
        return changes.stream().filter(c -> c.id().equals(transferId)).toList();
    }
}
