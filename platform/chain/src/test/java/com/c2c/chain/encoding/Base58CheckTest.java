package com.c2c.chain.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58CheckTest {

    @Test
    void known_encodings() {
        // Bitcoin's genesis-block address: version 0x00 + hash160, a leading zero byte becomes '1'
        byte[] payload = HexFormat.of().parseHex("0062e907b15cbf27d5425399ebf6f0fb50ebb88f18");

        assertEquals("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Base58Check.encode(payload));
        assertArrayEquals(payload, Base58Check.decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
    }

    @Test
    void leading_zero_bytes_and_high_bits_round_trip() {
        Random random = new Random(42);
        for (int length = 1; length < 90; length++) {
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            if (length % 3 == 0) {
                payload[0] = 0;
                if (length > 1) {
                    payload[1] = 0;
                }
            }
            assertArrayEquals(payload, Base58Check.decode(Base58Check.encode(payload)), "length " + length);
        }
        assertArrayEquals(new byte[5], Base58Check.decode(Base58Check.encode(new byte[5])));
    }

    @Test
    void a_changed_character_fails_the_checksum() {
        assertThrows(Base58Check.ChecksumMismatchException.class,
                () -> Base58Check.decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
    }

    @Test
    void non_base58_empty_short_and_oversized_texts_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> Base58Check.decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7Div0Na"));
        assertThrows(IllegalArgumentException.class, () -> Base58Check.decode(""));
        assertThrows(IllegalArgumentException.class, () -> Base58Check.decode("1111"));
        assertThrows(IllegalArgumentException.class, () -> Base58Check.decode("2".repeat(Base58Check.MAX_ENCODED_LENGTH + 1)));
    }
}
