package com.c2c.wallet.signer.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.WalletUtils;

/**
 * The deposit keys are the account key from a keystore plus the chain code of the configured xpub: they must sign
 * for exactly the addresses the wallet gives out (Anvil's development mnemonic, whose account 0 addresses are the
 * node's well-known dev accounts), and a keystore of another account is refused at start.
 */
class DepositKeysTest {
    /** m/44'/60'/0' of "test test ... junk": the test profile's deposit xpub. */
    private static final String ACCOUNT_0_XPUB =
            "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP";
    private static final String DEV_ACCOUNT_0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final String DEV_ACCOUNT_9 = "0xa0ee7a142d267c1f36714e4a8f75612f20a79720";

    @TempDir
    Path dir;

    @Test
    void theKeystoreAndTheXpubSignForTheAddressesTheWalletGivesOut() throws Exception {
        DepositKeys keys = DepositKeys.load(keystore(0), password(), ACCOUNT_0_XPUB);

        assertEquals(DEV_ACCOUNT_0, keys.addressAt(0));
        assertEquals(DEV_ACCOUNT_0, keys.keyAt(0).address());
        assertEquals(DEV_ACCOUNT_9, keys.keyAt(9).address());
        assertFalse(keys.toString().contains("xprv"), keys.toString());
    }

    @Test
    void aKeystoreOfAnotherAccountIsRefused() throws Exception {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DepositKeys.load(keystore(1), password(), ACCOUNT_0_XPUB));
        assertTrue(refused.getMessage().contains("is not the key of c2c.wallet.deposit.xpub"), refused.getMessage());
    }

    private Path password() throws Exception {
        Path file = dir.resolve("password");
        if (!Files.exists(file)) {
            Files.writeString(file, "deposit-pass\n");
        }
        return file;
    }

    private Path keystore(int account) throws Exception {
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        Bip32ECKeyPair key = Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(
                "test test test test test test test test test test test junk", "")),
                new int[] {44 | hardened, 60 | hardened, account | hardened});
        Path own = Files.createDirectories(dir.resolve("account-" + account));
        return own.resolve(WalletUtils.generateWalletFile("deposit-pass", key, own.toFile(), false));
    }
}
