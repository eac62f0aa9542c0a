package com.c2c.chain.scan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTransferTest {
    private static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String FROM = "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final String TO = "0x00000000000000000000000070997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String TX = "0x" + "Ab".repeat(32);
    private static final String BLOCK = "0x" + "cd".repeat(32);

    private static String word(BigInteger value) {
        return "0x" + String.format("%64s", value.toString(16)).replace(' ', '0');
    }

    @Test
    void aTransferOfTheTokenIsReadLowerCase() {
        TokenTransfer t = TokenTransfer.read(TOKEN, TOKEN.toUpperCase().replace("0X", "0x"),
                List.of(TokenTransfer.TOPIC, FROM, TO), word(BigInteger.valueOf(25_000_000)), TX, 3, 42, BLOCK);
        assertEquals("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", t.to());
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", t.from());
        assertEquals(TX.toLowerCase(), t.txHash());
        assertEquals(3, t.logIndex());
        assertEquals(BigInteger.valueOf(25_000_000), t.value());
        assertTrue(t.fitsMicros());
    }

    @Test
    void anotherContractsTransferIsNeverATransfer() {
        assertNull(TokenTransfer.read(TOKEN, "0x" + "11".repeat(20), List.of(TokenTransfer.TOPIC, FROM, TO),
                word(BigInteger.ONE), TX, 0, 1, BLOCK));
    }

    @Test
    void otherEventsAndErc721TransfersAreNot() {
        assertNull(TokenTransfer.read(TOKEN, TOKEN, List.of("0x" + "00".repeat(32), FROM, TO), word(BigInteger.ONE), TX,
                0, 1, BLOCK));
        // ERC-721: the token id is the fourth topic and there is no data
        assertNull(TokenTransfer.read(TOKEN, TOKEN, List.of(TokenTransfer.TOPIC, FROM, TO, word(BigInteger.ONE)), "0x", TX,
                0, 1, BLOCK));
    }

    @Test
    void aValuePastLongMaxOrZeroDoesNotFitMicros() {
        BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        assertFalse(TokenTransfer.read(TOKEN, TOKEN, List.of(TokenTransfer.TOPIC, FROM, TO), word(big), TX, 0, 1, BLOCK)
                .fitsMicros());
        assertTrue(TokenTransfer.read(TOKEN, TOKEN, List.of(TokenTransfer.TOPIC, FROM, TO),
                word(BigInteger.valueOf(Long.MAX_VALUE)), TX, 0, 1, BLOCK).fitsMicros());
        assertFalse(TokenTransfer.read(TOKEN, TOKEN, List.of(TokenTransfer.TOPIC, FROM, TO), word(BigInteger.ZERO), TX, 0,
                1, BLOCK).fitsMicros());
    }
}
