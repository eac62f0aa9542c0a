package com.c2c.wallet.signer.chain;

import com.c2c.wallet.signer.domain.Fees;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * A key the signer sends from: the hot wallet's, read from a web3j (geth-format) encrypted JSON keystore and its
 * password file, or a deposit address's ({@link DepositKeys}). It signs two things, as EIP-1559 transactions: an
 * ERC-20 {@code transfer(to, amount)} and a plain native-coin transfer (gas for a sweep). The key never leaves
 * this object; {@link #toString()} and every log name only the address.
 */
public final class SigningKey {
    private final Credentials credentials;
    private final String address;

    /** The gas a plain native-coin transfer to an account without code uses, exactly. */
    public static final long NATIVE_TRANSFER_GAS = 21_000;

    SigningKey(Credentials credentials) {
        this.credentials = credentials;
        this.address = credentials.getAddress().toLowerCase(Locale.ROOT);
    }

    /** A signed transaction: the raw bytes to broadcast (0x hex) and their keccak-256, the transaction hash. */
    public record Signed(String rawTx, String txHash) {
    }

    /**
     * Decrypts the keystore with the first line of the password file. A keystore with geth's standard scrypt
     * parameters (N = 2^18) needs about 256 MiB of heap while it is decrypted; see docs/operations.md.
     */
    public static SigningKey load(Path keystore, Path passwordFile) {
        String password;
        try {
            List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
            password = lines.isEmpty() ? "" : lines.getFirst();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the hot wallet's password file " + passwordFile + ": " + e, e);
        }
        try {
            return new SigningKey(WalletUtils.loadCredentials(password, keystore.toFile()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the hot wallet's keystore " + keystore + ": " + e.getMessage(), e);
        } catch (CipherException e) {
            // never the password itself: only that it did not open the file
            throw new IllegalStateException("the password file " + passwordFile + " does not open the keystore " + keystore
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** The private key, for {@link DepositKeys} to rebuild the account's extended key; nowhere else. */
    BigInteger privateKey() {
        return credentials.getEcKeyPair().getPrivateKey();
    }

    /** The key's lower-case 0x address. */
    public String address() {
        return address;
    }

    /** Signs {@code token.transfer(to, baseUnits)} from this wallet with the given nonce and fees. */
    public Signed signTokenTransfer(long chainId, long nonce, String token, String to, BigInteger baseUnits,
            long gasLimit, Fees fees) {
        String data = FunctionEncoder.encode(new Function("transfer", List.of(new Address(to), new Uint256(baseUnits)),
                List.of()));
        RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(gasLimit), token, BigInteger.ZERO, data,
                BigInteger.valueOf(fees.maxPriorityFeePerGas()), BigInteger.valueOf(fees.maxFeePerGas()));
        return sign(tx);
    }

    /** Signs a transfer of {@code wei} native coin to {@code to} (gas {@value #NATIVE_TRANSFER_GAS}). */
    public Signed signNativeTransfer(long chainId, long nonce, String to, BigInteger wei, Fees fees) {
        RawTransaction tx = RawTransaction.createEtherTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(NATIVE_TRANSFER_GAS), to, wei, BigInteger.valueOf(fees.maxPriorityFeePerGas()),
                BigInteger.valueOf(fees.maxFeePerGas()));
        return sign(tx);
    }

    private Signed sign(RawTransaction tx) {
        byte[] signed = TransactionEncoder.signMessage(tx, credentials);
        return new Signed(Numeric.toHexString(signed), Numeric.toHexString(Hash.sha3(signed)));
    }

    @Override
    public String toString() {
        return "signing key of " + address;
    }
}
