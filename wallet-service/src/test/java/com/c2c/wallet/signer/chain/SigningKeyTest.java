package com.c2c.wallet.signer.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.wallet.signer.domain.Fees;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.WalletUtils;

/** The key comes from the keystore and its password file only, and never shows in a message. */
class SigningKeyTest {
    @TempDir
    Path dir;

    @Test
    void theKeystoreOpensWithItsPasswordFileAndSignsATokenTransferFromItsAddress() throws Exception {
        ECKeyPair key = Keys.createEcKeyPair();
        Path password = Files.writeString(dir.resolve("password"), "s3cret-pass\n");
        Path keystore = dir.resolve(WalletUtils.generateWalletFile("s3cret-pass", key, dir.toFile(), false));

        SigningKey wallet = SigningKey.load(keystore, password);
        String address = Credentials.create(key).getAddress();
        assertEquals(address, wallet.address());
        assertEquals("signing key of " + address, wallet.toString());

        SigningKey.Signed signed = wallet.signTokenTransfer(31337, 7, "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                "0x" + "ab".repeat(20), BigInteger.valueOf(1_500_000), 100_000, new Fees(3_000_000_000L, 1_000_000_000L));
        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed.rawTx());
        assertEquals(address, decoded.getFrom());
        assertEquals(BigInteger.valueOf(7), decoded.getNonce());
        assertEquals("0x5fbdb2315678afecb367f032d93f642f64180aa3", decoded.getTo());
        // transfer(address,uint256) = 0xa9059cbb, the destination, then 1_500_000 = 0x16e360
        assertTrue(decoded.getData().startsWith("a9059cbb") || decoded.getData().startsWith("0xa9059cbb"), decoded.getData());
        assertTrue(decoded.getData().endsWith("16e360"));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingEitherPassword() throws Exception {
        ECKeyPair key = Keys.createEcKeyPair();
        Path keystore = dir.resolve(WalletUtils.generateWalletFile("right-one", key, dir.toFile(), false));
        Path wrong = Files.writeString(dir.resolve("password"), "wrong-one");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SigningKey.load(keystore, wrong));
        assertTrue(refused.getMessage().contains("does not open the keystore"), refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong-one"));
        assertFalse(refused.getMessage().contains("right-one"));
        assertFalse(refused.getMessage().contains(key.getPrivateKey().toString(16)));
    }

    @Test
    void aMissingPasswordFileIsSaidPlainly() throws Exception {
        Path keystore = dir.resolve(WalletUtils.generateWalletFile("p", Keys.createEcKeyPair(), dir.toFile(), false));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SigningKey.load(keystore, dir.resolve("missing")));
        assertTrue(refused.getMessage().contains("password file"), refused.getMessage());
    }
}
