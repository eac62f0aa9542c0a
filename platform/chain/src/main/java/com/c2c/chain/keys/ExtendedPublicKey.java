package com.c2c.chain.keys;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A BIP-32 extended public key (xpub/tpub): a public key and a chain code, from which the public keys
 * of its normal (non-hardened) children are derived without any private key (CKDpub). Deposit
 * addresses are derived this way from the account-level xpub, so the services that hand them out
 * never hold a private key.
 *
 * <p>Written here rather than taken from web3j, whose derivation from an extended public key is
 * wrong (web3j issues #1927 and #1749); checked against the BIP-32 test vectors.
 */
public final class ExtendedPublicKey {

    private static final String WHAT = "extended public key";

    private final Bip32Network network;
    private final int depth;
    private final int parentFingerprint;
    private final long childNumber;
    private final byte[] chainCode;
    private final ECPoint point;
    private final byte[] compressed;

    ExtendedPublicKey(Bip32Network network, int depth, int parentFingerprint, long childNumber, byte[] chainCode,
                      ECPoint point) {
        this.network = network;
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
        this.chainCode = chainCode.clone();
        this.point = point;
        this.compressed = point.getEncoded(true);
    }

    /**
     * Reads an xpub or tpub.
     *
     * @throws IllegalArgumentException if the text is not base58check, has a wrong checksum or length,
     *         an unknown version, is an extended <em>private</em> key, or its key is not on the curve
     */
    public static ExtendedPublicKey parse(String text) {
        ExtendedKeyFields fields = ExtendedKeyFields.decode(text, WHAT);
        Bip32Network privateNetwork = Bip32Network.ofPrivateVersion(fields.version());
        if (privateNetwork != null) {
            throw new IllegalArgumentException("this is an extended private key (" + privateNetwork.privatePrefix()
                    + "), not an extended public key; give the account's " + privateNetwork.publicPrefix()
                    + " instead and keep the private key out of this service");
        }
        Bip32Network network = Bip32Network.ofPublicVersion(fields.version());
        if (network == null) {
            throw new IllegalArgumentException(String.format(
                    "unknown %s version 0x%08X; expected xpub (0x%08X) or tpub (0x%08X)", WHAT, fields.version(),
                    Bip32Network.MAINNET.publicVersion(), Bip32Network.TESTNET.publicVersion()));
        }
        ECPoint point;
        try {
            point = Secp256k1.decodeCompressed(fields.keyData());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WHAT + ": " + e.getMessage(), e);
        }
        return new ExtendedPublicKey(network, fields.depth(), fields.parentFingerprint(),
                Integer.toUnsignedLong(fields.childNumber()), fields.chainCode(), point);
    }

    /**
     * CKDpub: the extended public key of normal child {@code index}.
     *
     * @param index 0..2^31-1; hardened children need the private key and are refused
     * @throws InvalidChildKeyException for the ~2^-127-likely index that gives no valid key (BIP-32 says:
     *         use the next index)
     */
    public ExtendedPublicKey deriveChild(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("cannot derive a hardened child from an extended public key"
                    + " (hardened derivation needs the private key); normal indexes are 0.." + ChildNumber.MAX_INDEX);
        }
        int childDepth = ExtendedKeyFields.checkChildDepth(depth);
        byte[] data = Arrays.copyOf(compressed, 37);
        System.arraycopy(ExtendedKeyFields.ser32(index), 0, data, 33, 4);
        byte[] i = Secp256k1.hmacSha512(chainCode, data);
        BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        if (tweak.compareTo(Secp256k1.N) >= 0) {
            throw new InvalidChildKeyException(index);
        }
        ECPoint childPoint = Secp256k1.add(Secp256k1.publicPoint(tweak), point);
        if (childPoint.isInfinity()) {
            throw new InvalidChildKeyException(index);
        }
        return new ExtendedPublicKey(network, childDepth, fingerprint(), index, Arrays.copyOfRange(i, 32, 64),
                childPoint);
    }

    /**
     * Follows a path of normal steps, e.g. {@code "0/7"}; a path starting with {@code m} is accepted
     * from a master key (depth 0) only.
     */
    public ExtendedPublicKey derive(String path) {
        DerivationPath parsed = DerivationPath.parse(path);
        if (parsed.fromMaster() && depth != 0) {
            throw new IllegalArgumentException("path '" + path + "' starts at the master key (m) but this key is at depth "
                    + depth + "; give the path relative to it");
        }
        if (parsed.hasHardenedStep()) {
            throw new IllegalArgumentException("path '" + path + "' has a hardened step, which an extended public key"
                    + " cannot derive");
        }
        ExtendedPublicKey key = this;
        for (long step : parsed.childNumbers()) {
            key = key.deriveChild((int) step);
        }
        return key;
    }

    /** The xpub/tpub text. */
    public String serialize() {
        return new ExtendedKeyFields(network.publicVersion(), depth, parentFingerprint, (int) childNumber, chainCode,
                compressed).encode();
    }

    public Bip32Network network() {
        return network;
    }

    /** 0 for the master key, 3 for a BIP-44 account key. */
    public int depth() {
        return depth;
    }

    /** The first 4 bytes of HASH160 of this key, as children record it. */
    public int fingerprint() {
        return ExtendedKeyFields.fingerprint(compressed);
    }

    public int parentFingerprint() {
        return parentFingerprint;
    }

    /** This key's number under its parent, 0..2^32-1 (hardened ones are 2^31 + index). */
    public long childNumber() {
        return childNumber;
    }

    public byte[] chainCode() {
        return chainCode.clone();
    }

    /** serP(K): 33 bytes, prefix 0x02/0x03. */
    public byte[] publicKey() {
        return compressed.clone();
    }

    /** 65 bytes, prefix 0x04 then x and y: what EVM and TRON addresses hash (without the prefix). */
    public byte[] publicKeyUncompressed() {
        return point.getEncoded(false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtendedPublicKey that && serialize().equals(that.serialize());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed) * 31 + Arrays.hashCode(chainCode);
    }

    @Override
    public String toString() {
        return serialize();
    }
}
