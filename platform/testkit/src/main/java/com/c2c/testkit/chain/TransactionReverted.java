package com.c2c.testkit.chain;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** A transaction was mined but failed (receipt status 0), e.g. a transfer from a blacklisted address. */
public final class TransactionReverted extends RuntimeException {
    private final transient TransactionReceipt receipt;

    TransactionReverted(String what, TransactionReceipt receipt) {
        super(what + " reverted in block " + receipt.getBlockNumber() + " (tx " + receipt.getTransactionHash() + ")");
        this.receipt = receipt;
    }

    public String txHash() {
        return receipt.getTransactionHash();
    }

    /** The failed transaction's receipt: it is on chain, with status 0x0 and no logs. */
    public TransactionReceipt receipt() {
        return receipt;
    }
}
