package com.c2c.wallet.signer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every change the signer announced, in order (a test's stand-in for the withdrawal side). */
@ApplicationScoped
public class RecordingListener implements TransferListener {
    private final List<TransferView> changes = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> changed(TransferView transfer) {
        changes.add(transfer);
        return Uni.createFrom().voidItem();
    }

    List<TransferView> of(String transferId) {
        return changes.stream().filter(c -> c.id().equals(transferId)).toList();
    }
}
