package com.c2c.chain.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * A signer keeps only an account's 32-byte private key (in an encrypted keystore) and takes the rest of the extended
 * key from the account's xpub: rebuilt that way, it must be the very same extended private key, and a key that is
 * not the xpub's must be refused (it would sign for addresses the wallet never gave out).
 */
class ExtendedPrivateKeyFromPublicTest {

    /** BIP-32 test vector 1, chain m/0'/1 (depth 2, a normal child): xprv and xpub as the vector gives them. */
    private static final String M_0H_1_XPRV =
            "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs";
    private static final String M_0H_1_XPUB =
            "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ";

    @Test
    void theXpubAndItsPrivateKeyMakeTheXprv() {
        ExtendedPrivateKey original = ExtendedPrivateKey.parse(M_0H_1_XPRV);
        ExtendedPrivateKey rebuilt = ExtendedPrivateKey.of(ExtendedPublicKey.parse(M_0H_1_XPUB),
                new BigInteger(1, original.privateKeyBytes()));

        assertEquals(M_0H_1_XPRV, rebuilt.serialize());
        assertEquals(original.deriveChild(7).serialize(), rebuilt.deriveChild(7).serialize());
    }

    @Test
    void aKeyThatIsNotTheXpubsIsRefused() {
        ExtendedPrivateKey other = ExtendedPrivateKey.parse(M_0H_1_XPRV).deriveChild(0);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ExtendedPrivateKey.of(
                ExtendedPublicKey.parse(M_0H_1_XPUB), new BigInteger(1, other.privateKeyBytes())));
        assertTrue(refused.getMessage().contains("does not belong"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ExtendedPrivateKey.of(ExtendedPublicKey.parse(M_0H_1_XPUB), BigInteger.ZERO));
    }
}
