package com.c2c.chain.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.InvalidAddressException;
import com.c2c.chain.encoding.Base58Check;
import com.c2c.chain.evm.EvmAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TronAddressTest {

    /**
     * Published base58 / hex pairs:
     * <ul>
     * <li>TR7NHq...: the USDT TRC-20 contract, as TRON's explorers and Tether list it;</li>
     * <li>TNPeea...: the tronWeb.address.toHex/fromHex example repeated by TRON address-format guides;</li>
     * <li>TUoHaV..., TUznHJ..., TPswDD...: TRON's "Getting started with java-tron" guide, where the same
     *     transfers appear with base58 addresses and, inside raw_data_hex, the 41-prefixed bytes;</li>
     * <li>TBhCfA...: TRON wallet-cli's "encoding convert" documentation;</li>
     * <li>TQHgMp...: the synopsis of the CryptoTron::AddrTools Perl module.</li>
     * </ul>
     */
    @ParameterizedTest
    @CsvSource({
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, 41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
            "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL, 418840E6C55B9ADA326D211D818C34A994AECED808",
            "TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM, 41ce8a0cf0c16d48bcf22825f6053248df653c89ca",
            "TUznHJfHe6gdYY7gvWmf6bNZHuPHDZtowf, 41d0b69631440f0a494bb51f7eee68ff5c593c00f0",
            "TPswDDCAWhJAZGdHPidFg5nEf8TkNToDX1, 4198927ffb9f554dc4a453c64b2e553a02d6df514b",
            "TBhCfAytTEh52WFL6HYr64i2nmc3u3TCUp, 4112e94f5a3c88b17d2f6e0b9a45cd310f8e7a6d29",
            "TQHgMpVzWkhSsRB4BzZgmV8uW4cFL8eaBr, 419D1015E669C2DF831003C5C54CEB48DA613D9979"})
    void published_base58_and_hex_pairs_convert_both_ways(String base58, String hex) {
        TronAddress fromBase58 = TronAddress.fromBase58(base58);
        TronAddress fromHex = TronAddress.fromHex(hex);

        assertEquals(hex.toLowerCase(), fromBase58.toHex());
        assertEquals(base58, fromHex.toBase58());
        assertEquals(fromBase58, fromHex);
        assertEquals(fromBase58, TronAddress.parse(base58));
        assertEquals(fromBase58, TronAddress.parse(hex));
    }

    /**
     * EVM forms published next to TRON ones: TRON wallet-cli's "encoding convert" documentation (EIP-55
     * form), Dune's from_tron_address/to_tron_address documentation, and the tron-address-converter
     * package's readme.
     */
    @ParameterizedTest
    @CsvSource({
            "TBhCfAytTEh52WFL6HYr64i2nmc3u3TCUp, 0x12E94f5a3c88b17d2F6E0b9a45Cd310f8E7a6D29",
            "THHRK1bA7YRPZBcLnTP1SZy9ipUpsRwpo6, 0x503aa4ad108bd3a89ba0310e23b49fb654cd6986",
            "TXXmULCEzRo6JfxUP1LYfmzbiKUezUvUNj, 0xec830e98468d23f54c58174bb9a3671fcc440ff2"})
    void the_evm_form_of_json_rpc_logs_converts_both_ways(String base58, String evm) {
        TronAddress tron = TronAddress.fromBase58(base58);

        assertEquals(EvmAddress.parse(evm), tron.toEvm());
        assertEquals(evm.toLowerCase(), tron.toEvm().toLowerCase());
        assertEquals(base58, TronAddress.fromEvm(EvmAddress.parse(evm)).toBase58());
    }

    @Test
    void the_address_of_a_public_key_is_0x41_and_the_evm_address() {
        // EIP-712's example signer "Cow" (0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826), public key as in
        // EthereumJ's ECKeyTest; TRON's overview ("Address Format"): 0x41 + last 20 bytes of keccak256
        byte[] publicKey = HexFormat.of().parseHex("040947751e3022ecf3016be03ec77ab0ce3c2662b4843898cb068d74f698ccc8ad"
                + "75aa17564ae80a20bb044ee7a6d903e8e8df624b089c95d66a0570f051e5a05b");

        TronAddress tron = TronAddress.fromPublicKey(publicKey);

        assertEquals("41cd2a3d9f938e13cd947ec05abc7fe734df8dd826", tron.toHex());
        assertTrue(tron.toBase58().startsWith("T"), tron.toBase58());
        assertEquals(tron, TronAddress.fromBase58(tron.toBase58()));
    }

    @Test
    void a_mistyped_base58_address_fails_its_checksum() {
        // USDT's contract with one character changed (q -> r)
        InvalidAddressException e = assertThrows(InvalidAddressException.class,
                () -> TronAddress.fromBase58("TR7NHrjeKQxGTCi8q8ZY4pL8otSzgjLj6t"));

        assertTrue(e.getMessage().contains("checksum is wrong"), e.getMessage());
    }

    @Test
    void malformed_addresses_are_refused_with_a_reason() {
        assertTrue(assertThrows(InvalidAddressException.class, () -> TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6"))
                .getMessage().contains("34 characters"));
        assertTrue(assertThrows(InvalidAddressException.class, () -> TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj60"))
                .getMessage().contains("not valid base58check"));
        assertTrue(assertThrows(InvalidAddressException.class, () -> TronAddress.fromHex("42a614f803b6fd780986a42c78ec9c7f77e6ded13c"))
                .getMessage().contains("41 followed by 40 hex digits"));
        assertThrows(InvalidAddressException.class, () -> TronAddress.fromHex("41a614f803b6fd780986a42c78ec9c7f77e6ded13"));
        assertThrows(InvalidAddressException.class, () -> TronAddress.fromHex("41a614f803b6fd780986a42c78ec9c7f77e6ded13g"));
        assertThrows(InvalidAddressException.class, () -> TronAddress.parse(""));
        assertThrows(InvalidAddressException.class, () -> TronAddress.parse(null));
    }

    @Test
    void a_valid_base58check_text_with_another_prefix_byte_is_not_a_tron_address() {
        byte[] wrongPrefix = HexFormat.of().parseHex("42a614f803b6fd780986a42c78ec9c7f77e6ded13c");
        String text = Base58Check.encode(wrongPrefix);

        assertThrows(InvalidAddressException.class, () -> TronAddress.fromBase58(text));
        assertThrows(InvalidAddressException.class, () -> TronAddress.fromBytes(wrongPrefix));
    }
}
