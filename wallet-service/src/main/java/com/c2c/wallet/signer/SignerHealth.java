package com.c2c.wallet.signer;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether the hot-wallet signer signs. Off for lack of configuration is UP (the ledger serves; transfers
 * queue) with the reason; configured but unable to sign (an unreadable keystore, the node on another chain) is
 * DOWN, so a rollout with a broken key never becomes ready and the running version keeps signing.
 */
@Readiness
@ApplicationScoped
public class SignerHealth implements HealthCheck {
    private final SignerLoop loop;

    SignerHealth(SignerLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("hot-wallet signer").status(!loop.broken())
                .withData("signing", loop.off() == null);
        loop.hotWallet().ifPresent(address -> response.withData("hotWallet", address));
        if (loop.off() != null) {
            response.withData("off", loop.off());
        }
        response.withData("sweeping", loop.sweepsOff() == null);
        if (loop.sweepsOff() != null) {
            response.withData("sweepsOff", loop.sweepsOff());
        }
        if (loop.lastFailure() != null) {
            response.withData("lastFailure", loop.lastFailure());
        }
        return response.build();
    }
}
