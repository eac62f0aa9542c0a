package com.c2c.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.InvalidAddressException;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

class EvmAddressTest {

    /** The addresses in the test() calls of the EIP-55 specification. */
    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55_examples_parse_and_checksum_to_themselves(String example) {
        EvmAddress fromMixed = EvmAddress.parse(example);
        EvmAddress fromLower = EvmAddress.parse(example.toLowerCase());
        EvmAddress fromUpper = EvmAddress.parse("0x" + example.substring(2).toUpperCase());

        assertEquals(example, fromMixed.toChecksummed());
        assertEquals(example, fromLower.toChecksummed());
        assertEquals(example, fromUpper.toChecksummed());
        assertEquals(example.toLowerCase(), fromMixed.toLowerCase());
        assertEquals(fromMixed, fromLower);
        assertEquals(fromMixed, fromUpper);
    }

    /** Each EIP-55 example with the case of one letter flipped: still hex, but a mistyped address. */
    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
            "0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6Fb",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9adb",
            // the invalid example in the readme of the eip_55 Elixir package
            "0x5AAEB6053f3e94c9b9a09f33669435e7ef1beaed"})
    void a_mixed_case_address_with_a_wrong_checksum_is_refused(String mistyped) {
        InvalidAddressException e = assertThrows(InvalidAddressException.class, () -> EvmAddress.parse(mistyped));

        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertTrue(e.getMessage().contains("wrong"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "0x", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed0",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea",
            // Arabic-Indic digit zero and a full-width a: Character.digit would take them as hex
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea\u0660d", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea\uFF41d"})
    void anything_but_0x_and_40_ascii_hex_digits_is_refused(String text) {
        InvalidAddressException e = assertThrows(InvalidAddressException.class, () -> EvmAddress.parse(text));

        assertTrue(e.getMessage().contains("0x followed by 40 hex digits") || e.getMessage().contains("empty"),
                e.getMessage());
    }

    @Test
    void null_is_refused() {
        assertThrows(InvalidAddressException.class, () -> EvmAddress.parse(null));
    }

    @Test
    void the_address_of_a_public_key_is_keccak256_last_20_bytes() {
        // EIP-712's example signer "Cow": private key keccak256("cow"), address 0xCD2a3d...;
        // its public key as in EthereumJ's ECKeyTest
        byte[] cowPublicKey = HexFormat.of().parseHex("040947751e3022ecf3016be03ec77ab0ce3c2662b4843898cb068d74f698ccc8ad"
                + "75aa17564ae80a20bb044ee7a6d903e8e8df624b089c95d66a0570f051e5a05b");

        assertEquals("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826",
                EvmAddress.fromPublicKey(cowPublicKey).toChecksummed());
        assertEquals(EvmAddress.fromPublicKey(cowPublicKey),
                EvmAddress.fromPublicKey(java.util.Arrays.copyOfRange(cowPublicKey, 1, 65)));
    }

    @Test
    void the_address_of_anvils_first_dev_key() {
        ECKeyPair pair = ECKeyPair.create(
                new BigInteger("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 16));

        EvmAddress address = EvmAddress.fromPublicKey(Numeric.toBytesPadded(pair.getPublicKey(), 64));

        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", address.toChecksummed());
    }

    @Test
    void a_public_key_of_the_wrong_size_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> EvmAddress.fromPublicKey(new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> EvmAddress.fromPublicKey(new byte[65]));
    }

    @Test
    void an_address_is_read_from_an_indexed_log_topic() {
        EvmAddress address = EvmAddress.fromLogTopic(
                "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266");

        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", address.toLowerCase());
        assertThrows(InvalidAddressException.class, () -> EvmAddress.fromLogTopic(
                "0x010000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        assertThrows(InvalidAddressException.class, () -> EvmAddress.fromLogTopic("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        assertThrows(InvalidAddressException.class, () -> EvmAddress.fromLogTopic(
                "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb9226z"));
    }

    @Test
    void bytes_round_trip_and_are_copied() {
        byte[] bytes = HexFormat.of().parseHex("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        EvmAddress address = EvmAddress.fromBytes(bytes);
        bytes[0] = 0;

        assertEquals("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", address.toString());
        assertThrows(InvalidAddressException.class, () -> EvmAddress.fromBytes(new byte[21]));
    }
}
