package com.c2c.wallet.deposit;

import com.c2c.chain.InvalidAddressException;
import com.c2c.chain.evm.EvmAddress;
import com.c2c.events.chain.OutgoingTransferConfirmed;
import com.c2c.events.chain.OutgoingTransferFailed;
import com.c2c.platform.messaging.consumer.PoisonEvent;
import com.c2c.wallet.ledger.Ledger;
import com.c2c.wallet.ledger.domain.AccountKind;
import com.c2c.wallet.ledger.domain.Leg;
import com.c2c.wallet.signer.OutgoingTransfers;
import com.c2c.wallet.signer.TransferView;
import com.c2c.wallet.signer.domain.TransferPurpose;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A sweep final at the chain's depth (chain-watcher's {@code OutgoingTransferConfirmed}, purpose SWEEP; runs in the
 * chain-events consumer's inbox transaction): the tokens left the deposit address for the hot wallet, so the ledger
 * moves them between the two addresses' CUSTODY accounts, once (command id {@code sweep:<transfer id>}). No user's
 * balance changes: the platform holds the same USDT at another address. Until then the tokens count at the deposit
 * address, where the custody report finds them until the sweep is final.
 */
@ApplicationScoped
public class SweepSettlement {
    private static final Logger LOG = Logger.getLogger(SweepSettlement.class);
    public static final String SWEEP = TransferPurpose.SWEEP.name();

    private final Ledger ledger;
    private final OutgoingTransfers transfers;

    SweepSettlement(Ledger ledger, OutgoingTransfers transfers) {
        this.ledger = ledger;
        this.transfers = transfers;
    }

    public Uni<Void> confirmed(OutgoingTransferConfirmed report) {
        return sweep(report.transferId()).chain(t -> {
            if (!sameAddress(report.fromAddress(), t.sourceAddress())) {
                throw PoisonEvent.invalid("sweep " + t.id() + " was from " + t.sourceAddress() + ", the report says "
                        + report.fromAddress());
            }
            List<Leg> legs = List.of(
                    new Leg(DepositCrediting.custodyOwner(t.chainId(), t.sourceAddress()), AccountKind.CUSTODY,
                            t.amountMicros()),
                    new Leg(DepositCrediting.custodyOwner(t.chainId(), t.toAddress()), AccountKind.CUSTODY,
                            -t.amountMicros()));
            return ledger.post("sweep:" + t.id(), "SWEEP", DepositCrediting.ASSET, legs).invoke(posted -> {
                if (posted.created()) {
                    LOG.infof("sweep %s final (tx %s, block %d): %d micro-USDT from %s to the hot wallet %s", t.id(),
                            report.txHash(), report.blockNumber(), t.amountMicros(), t.sourceAddress(), t.toAddress());
                }
            });
        }).replaceWithVoid();
    }

    /** A reverted sweep moved nothing: the ledger stays; the next sweep of that address takes the tokens. */
    public Uni<Void> failed(OutgoingTransferFailed report) {
        return sweep(report.transferId()).invoke(t -> LOG.errorf("sweep %s of %s reverted on chain (tx %s, %s): nothing"
                + " moved, gas spent; the address is swept again", t.id(), t.sourceAddress(), report.txHash(),
                report.reason())).replaceWithVoid();
    }

    private Uni<TransferView> sweep(String transferId) {
        return transfers.transferState(transferId).map(found -> found
                .filter(t -> t.purpose() == TransferPurpose.SWEEP)
                .orElseThrow(() -> PoisonEvent.invalid("transfer " + transferId + " is not a sweep of this wallet")));
    }

    private static boolean sameAddress(String reported, String source) {
        try {
            return EvmAddress.parse(reported).toLowerCase().equals(source);
        } catch (InvalidAddressException e) {
            return false;
        }
    }
}
