package com.c2c.chain.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.ECKeyPair;

/**
 * A BIP-32 extended private key (xprv/tprv): derives private keys of normal and hardened children
 * (CKDpriv). Only the signer that sweeps deposits holds one; everything else works from the
 * {@link #neuter() extended public key}. {@link #toString()} never shows the key.
 */
public final class ExtendedPrivateKey {

    private static final String WHAT = "extended private key";
    private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

    private final Bip32Network network;
    private final int depth;
    private final int parentFingerprint;
    private final long childNumber;
    private final byte[] chainCode;
    private final BigInteger privateKey;
    private final ECPoint point;

    private ExtendedPrivateKey(Bip32Network network, int depth, int parentFingerprint, long childNumber,
                               byte[] chainCode, BigInteger privateKey) {
        this.network = network;
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
        this.chainCode = chainCode.clone();
        this.privateKey = privateKey;
        this.point = Secp256k1.publicPoint(privateKey);
    }

    /**
     * The master key m of a seed (BIP-32 "Master key generation"); for a BIP-39 mnemonic the seed is
     * its PBKDF2 seed (web3j {@code MnemonicUtils.generateSeed}).
     *
     * @param seed 16 to 64 bytes
     */
    public static ExtendedPrivateKey fromSeed(byte[] seed, Bip32Network network) {
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("BIP-32 seed must be 16 to 64 bytes, got " + seed.length);
        }
        byte[] i = Secp256k1.hmacSha512(MASTER_HMAC_KEY, seed);
        BigInteger key = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        if (!Secp256k1.isValidPrivateKey(key)) {
            throw new IllegalArgumentException("this seed gives an invalid master key; use another seed");
        }
        return new ExtendedPrivateKey(network, 0, 0, 0, Arrays.copyOfRange(i, 32, 64), key);
    }

    /**
     * Reads an xprv or tprv.
     *
     * @throws IllegalArgumentException if the text is not base58check, has a wrong checksum or length,
     *         an unknown version, is an extended <em>public</em> key, or its key is not in 1..n-1. The
     *         message never repeats the text.
     */
    public static ExtendedPrivateKey parse(String text) {
        ExtendedKeyFields fields = ExtendedKeyFields.decode(text, WHAT);
        Bip32Network publicNetwork = Bip32Network.ofPublicVersion(fields.version());
        if (publicNetwork != null) {
            throw new IllegalArgumentException("this is an extended public key (" + publicNetwork.publicPrefix()
                    + "), not an extended private key; signing needs the " + publicNetwork.privatePrefix());
        }
        Bip32Network network = Bip32Network.ofPrivateVersion(fields.version());
        if (network == null) {
            throw new IllegalArgumentException(String.format(
                    "unknown %s version 0x%08X; expected xprv (0x%08X) or tprv (0x%08X)", WHAT, fields.version(),
                    Bip32Network.MAINNET.privateVersion(), Bip32Network.TESTNET.privateVersion()));
        }
        byte[] keyData = fields.keyData();
        if (keyData[0] != 0) {
            throw new IllegalArgumentException(WHAT + ": key data must be 0x00 followed by the 32-byte private key");
        }
        BigInteger key = new BigInteger(1, Arrays.copyOfRange(keyData, 1, 33));
        if (!Secp256k1.isValidPrivateKey(key)) {
            throw new IllegalArgumentException(WHAT + ": private key is not in 1..n-1");
        }
        return new ExtendedPrivateKey(network, fields.depth(), fields.parentFingerprint(),
                Integer.toUnsignedLong(fields.childNumber()), fields.chainCode(), key);
    }

    /**
     * The extended private key of the node {@code publicKey} describes, given that node's private key alone: an
     * extended public key carries everything else (chain code, depth, parent fingerprint, child number). So a signer
     * can keep just the account's 32-byte key in an ordinary encrypted keystore and take the rest from the xpub that
     * is public configuration anyway.
     *
     * @throws IllegalArgumentException if the key is not in 1..n-1 or is not the private key of {@code publicKey}
     */
    public static ExtendedPrivateKey of(ExtendedPublicKey publicKey, BigInteger privateKey) {
        if (!Secp256k1.isValidPrivateKey(privateKey)) {
            throw new IllegalArgumentException(WHAT + ": private key is not in 1..n-1");
        }
        ExtendedPrivateKey key = new ExtendedPrivateKey(publicKey.network(), publicKey.depth(),
                publicKey.parentFingerprint(), publicKey.childNumber(), publicKey.chainCode(), privateKey);
        if (!key.neuter().equals(publicKey)) {
            throw new IllegalArgumentException("this private key does not belong to the extended public key "
                    + publicKey.serialize());
        }
        return key;
    }

    /** CKDpriv for normal child {@code index} (0..2^31-1). */
    public ExtendedPrivateKey deriveChild(int index) {
        return deriveChildNumber(ChildNumber.checkIndex(index));
    }

    /** CKDpriv for hardened child {@code index}' (child number 2^31 + index). */
    public ExtendedPrivateKey deriveHardened(int index) {
        return deriveChildNumber(ChildNumber.hardened(index));
    }

    /**
     * Follows a path such as {@code m/44'/60'/0'} (from a master key only) or {@code 0/7} (relative).
     */
    public ExtendedPrivateKey derive(String path) {
        DerivationPath parsed = DerivationPath.parse(path);
        if (parsed.fromMaster() && depth != 0) {
            throw new IllegalArgumentException("path '" + path + "' starts at the master key (m) but this key is at depth "
                    + depth + "; give the path relative to it");
        }
        ExtendedPrivateKey key = this;
        for (long step : parsed.childNumbers()) {
            key = key.deriveChildNumber(step);
        }
        return key;
    }

    private ExtendedPrivateKey deriveChildNumber(long child) {
        int childDepth = ExtendedKeyFields.checkChildDepth(depth);
        byte[] data = new byte[37];
        if (ChildNumber.isHardened(child)) {
            // 0x00 || ser256(k): hardened children hash the private key, so no xpub can follow them
            System.arraycopy(Secp256k1.ser256(privateKey), 0, data, 1, 32);
        } else {
            System.arraycopy(point.getEncoded(true), 0, data, 0, 33);
        }
        System.arraycopy(ExtendedKeyFields.ser32(child), 0, data, 33, 4);
        byte[] i = Secp256k1.hmacSha512(chainCode, data);
        BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        if (tweak.compareTo(Secp256k1.N) >= 0) {
            throw new InvalidChildKeyException(child);
        }
        BigInteger childKey = tweak.add(privateKey).mod(Secp256k1.N);
        if (childKey.signum() == 0) {
            throw new InvalidChildKeyException(child);
        }
        return new ExtendedPrivateKey(network, childDepth, fingerprint(), child, Arrays.copyOfRange(i, 32, 64),
                childKey);
    }

    /** N(): the extended public key of the same node, for deriving normal children without secrets. */
    public ExtendedPublicKey neuter() {
        return new ExtendedPublicKey(network, depth, parentFingerprint, childNumber, chainCode, point);
    }

    /** The xprv/tprv text: a secret. */
    public String serialize() {
        byte[] keyData = new byte[33];
        System.arraycopy(Secp256k1.ser256(privateKey), 0, keyData, 1, 32);
        return new ExtendedKeyFields(network.privateVersion(), depth, parentFingerprint, (int) childNumber, chainCode,
                keyData).encode();
    }

    /** The private key as a web3j key pair, for signing transactions. */
    public ECKeyPair toKeyPair() {
        return ECKeyPair.create(privateKey);
    }

    /** The 32-byte private key (leading zeros kept). */
    public byte[] privateKeyBytes() {
        return Secp256k1.ser256(privateKey);
    }

    public Bip32Network network() {
        return network;
    }

    public int depth() {
        return depth;
    }

    public int fingerprint() {
        return ExtendedKeyFields.fingerprint(point.getEncoded(true));
    }

    public int parentFingerprint() {
        return parentFingerprint;
    }

    public long childNumber() {
        return childNumber;
    }

    /** serP(point(k)): the 33-byte compressed public key. */
    public byte[] publicKey() {
        return point.getEncoded(true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtendedPrivateKey that && privateKey.equals(that.privateKey)
                && Arrays.equals(chainCode, that.chainCode) && depth == that.depth
                && parentFingerprint == that.parentFingerprint && childNumber == that.childNumber
                && network == that.network;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chainCode);
    }

    /** Never the key itself: this object ends up in logs and exception messages. */
    @Override
    public String toString() {
        return "ExtendedPrivateKey[" + network.privatePrefix() + ", depth " + depth + ", fingerprint "
                + String.format("%08x", fingerprint()) + ", redacted]";
    }
}
