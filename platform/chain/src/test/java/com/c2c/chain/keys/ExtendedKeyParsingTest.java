package com.c2c.chain.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extended keys that must be refused: BIP-32 test vector 5 (bip-0032.mediawiki, "Test vector 5":
 * keys to be recognized as invalid), and the mix-ups a configuration can make.
 */
class ExtendedKeyParsingTest {

    private static final String VECTOR_1_XPRV =
            "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
    private static final String VECTOR_1_XPUB =
            "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";

    /** Vector 5's xpub-versioned keys, with the reason it gives and a word our message must contain. */
    static Stream<Arguments> invalidPublicKeys() {
        return Stream.of(
                Arguments.of("pubkey version / prvkey mismatch", "compressed point",
                        "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6LBpB85b3D2yc8sfvZU521AAwdZafEz7mnzBBsz4wKY5fTtTQBm"),
                Arguments.of("invalid pubkey prefix 04", "compressed point",
                        "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6Txnt3siSujt9RCVYsx4qHZGc62TG4McvMGcAUjeuwZdduYEvFn"),
                Arguments.of("invalid pubkey prefix 01", "compressed point",
                        "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6N8ZMMXctdiCjxTNq964yKkwrkBJJwpzZS4HS2fxvyYUA4q2Xe4"),
                Arguments.of("zero depth with non-zero parent fingerprint", "parent fingerprint",
                        "xpub661no6RGEX3uJkY4bNnPcw4URcQTrSibUZ4NqJEw5eBkv7ovTwgiT91XX27VbEXGENhYRCf7hyEbWrR3FewATdCEebj6znwMfQkhRYHRLpJ"),
                Arguments.of("zero depth with non-zero index", "child number",
                        "xpub661MyMwAuDcm6CRQ5N4qiHKrJ39Xe1R1NyfouMKTTWcguwVcfrZJaNvhpebzGerh7gucBvzEQWRugZDuDXjNDRmXzSZe4c7mnTK97pTvGS8"),
                Arguments.of("unknown extended key version", "unknown",
                        "DMwo58pR1QLEFihHiXPVykYB6fJmsTeHvyTp7hRThAtCX8CvYzgPcn8XnmdfHGMQzT7ayAmfo4z3gY5KfbrZWZ6St24UVf2Qgo6oujFktLHdHY4"),
                Arguments.of("invalid pubkey 020000...07", "not a point",
                        "xpub661MyMwAqRbcEYS8w7XLSVeEsBXy79zSzH1J8vCdxAZningWLdN3zgtU6Q5JXayek4PRsn35jii4veMimro1xefsM58PgBMrvdYre8QyULY"));
    }

    /** Vector 5's xprv-versioned keys. */
    static Stream<Arguments> invalidPrivateKeys() {
        return Stream.of(
                Arguments.of("prvkey version / pubkey mismatch", "0x00",
                        "xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzFGTQQD3dC4H2D5GBj7vWvSQaaBv5cxi9gafk7NF3pnBju6dwKvH"),
                Arguments.of("invalid prvkey prefix 04", "0x00",
                        "xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzFGpWnsj83BHtEy5Zt8CcDr1UiRXuWCmTQLxEK9vbz5gPstX92JQ"),
                Arguments.of("invalid prvkey prefix 01", "0x00",
                        "xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzFAzHGBP2UuGCqWLTAPLcMtD9y5gkZ6Eq3Rjuahrv17fEQ3Qen6J"),
                Arguments.of("zero depth with non-zero parent fingerprint", "parent fingerprint",
                        "xprv9s2SPatNQ9Vc6GTbVMFPFo7jsaZySyzk7L8n2uqKXJen3KUmvQNTuLh3fhZMBoG3G4ZW1N2kZuHEPY53qmbZzCHshoQnNf4GvELZfqTUrcv"),
                Arguments.of("zero depth with non-zero index", "child number",
                        "xprv9s21ZrQH4r4TsiLvyLXqM9P7k1K3EYhA1kkD6xuquB5i39AU8KF42acDyL3qsDbU9NmZn6MsGSUYZEsuoePmjzsB3eFKSUEh3Gu1N3cqVUN"),
                Arguments.of("unknown extended key version", "unknown",
                        "DMwo58pR1QLEFihHiXPVykYB6fJmsTeHvyTp7hRThAtCX8CvYzgPcn8XnmdfHPmHJiEDXkTiJTVV9rHEBUem2mwVbbNfvT2MTcAqj3nesx8uBf9"),
                Arguments.of("private key 0 not in 1..n-1", "1..n-1",
                        "xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzF93Y5wvzdUayhgkkFoicQZcP3y52uPPxFnfoLZB21Teqt1VvEHx"),
                Arguments.of("private key n not in 1..n-1", "1..n-1",
                        "xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzFAzHGBP2UuGCqWLTAPLcMtD5SDKr24z3aiUvKr9bJpdrcLg1y3G"),
                Arguments.of("invalid checksum", "checksum",
                        "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHL"));
    }

    @ParameterizedTest(name = "xpub refused: {0}")
    @MethodSource("invalidPublicKeys")
    void vector_5_public_keys_are_refused(String reason, String messageWord, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(text));

        assertTrue(e.getMessage().contains(messageWord), e.getMessage());
    }

    @ParameterizedTest(name = "xprv refused: {0}")
    @MethodSource("invalidPrivateKeys")
    void vector_5_private_keys_are_refused_without_repeating_them(String reason, String messageWord, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtendedPrivateKey.parse(text));

        assertTrue(e.getMessage().contains(messageWord), e.getMessage());
        assertFalse(e.getMessage().contains(text.substring(4, 20)), e.getMessage());
    }

    @Test
    void an_xprv_given_where_an_xpub_is_expected_is_refused_without_repeating_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExtendedPublicKey.parse(VECTOR_1_XPRV));

        assertTrue(e.getMessage().contains("extended private key (xprv)"), e.getMessage());
        assertFalse(e.getMessage().contains(VECTOR_1_XPRV.substring(4, 20)), e.getMessage());
    }

    @Test
    void an_xpub_given_where_an_xprv_is_expected_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExtendedPrivateKey.parse(VECTOR_1_XPUB));

        assertTrue(e.getMessage().contains("extended public key (xpub)"), e.getMessage());
    }

    @Test
    void a_mistyped_truncated_or_empty_xpub_is_refused() {
        String mistyped = VECTOR_1_XPUB.substring(0, 50) + (VECTOR_1_XPUB.charAt(50) == 'a' ? 'b' : 'a')
                + VECTOR_1_XPUB.substring(51);

        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(mistyped))
                .getMessage().contains("checksum"));
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(VECTOR_1_XPUB.substring(0, 100)));
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse("xpub0OIl"))
                .getMessage().contains("not base58"));
        assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.parse("x".repeat(10_000)));
    }

    @Test
    void a_correctly_checksummed_text_of_the_wrong_length_is_refused() {
        String short75 = com.c2c.chain.encoding.Base58Check.encode(new byte[75]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExtendedPublicKey.parse(short75));

        assertTrue(e.getMessage().contains("78 bytes"), e.getMessage());
    }
}
