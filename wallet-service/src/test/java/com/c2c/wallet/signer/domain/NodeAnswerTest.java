package com.c2c.wallet.signer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NodeAnswerTest {
    @Test
    void theNodesWordsForATransactionItHasCountAsSent() {
        assertEquals(NodeAnswer.ALREADY_KNOWN, NodeAnswer.ofError("already known"));
        assertEquals(NodeAnswer.ALREADY_KNOWN, NodeAnswer.ofError("Known transaction: 0xabc"));
        assertEquals(NodeAnswer.ALREADY_KNOWN, NodeAnswer.ofError("transaction already imported"));
        assertEquals(true, NodeAnswer.ALREADY_KNOWN.sent());
    }

    @Test
    void aUsedNonceAnUnderpricedReplacementAndTheRestAreNotSent() {
        assertEquals(NodeAnswer.NONCE_USED, NodeAnswer.ofError("nonce too low: next nonce 5, tx nonce 4"));
        assertEquals(NodeAnswer.UNDERPRICED, NodeAnswer.ofError("replacement transaction underpriced"));
        assertEquals(NodeAnswer.REFUSED, NodeAnswer.ofError("insufficient funds for gas * price + value"));
        assertEquals(NodeAnswer.REFUSED, NodeAnswer.ofError(null));
        assertEquals(false, NodeAnswer.NONCE_USED.sent());
    }
}
