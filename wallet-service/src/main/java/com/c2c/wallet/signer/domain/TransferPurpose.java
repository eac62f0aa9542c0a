package com.c2c.wallet.signer.domain;

/**
 * What an outgoing transfer is for (ADR 0014). Its sender and what the wallet settles when it is final follow:
 * <ul>
 * <li>{@code WITHDRAWAL}: USDT from the hot wallet to a user's address; the withdrawal's hold is settled.</li>
 * <li>{@code SWEEP}: a deposit address's credited USDT to the hot wallet, signed with that address's key; the
 * ledger moves it between the two addresses' CUSTODY accounts.</li>
 * <li>{@code GAS}: native coin from the hot wallet to a deposit address so that it can pay for its sweep; outside
 * the USDT ledger, and not announced (nothing is settled).</li>
 * </ul>
 */
public enum TransferPurpose {
    WITHDRAWAL,
    SWEEP,
    GAS;

    /** Whether chain-watcher follows it to its final depth and the wallet settles it then. */
    public boolean settled() {
        return this != GAS;
    }
}
