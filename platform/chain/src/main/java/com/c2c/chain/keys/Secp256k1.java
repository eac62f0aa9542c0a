package com.c2c.chain.keys;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** The curve arithmetic and hashes BIP-32 needs, on BouncyCastle's secp256k1 (which web3j brings). */
final class Secp256k1 {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    /** The group order n: private keys and tweaks live in [1, n-1]. */
    static final BigInteger N = CURVE.getN();

    private Secp256k1() {
    }

    /** point(k) = k·G, normalized so its encodings are affine. */
    static ECPoint publicPoint(BigInteger privateKey) {
        return new FixedPointCombMultiplier().multiply(CURVE.getG(), privateKey).normalize();
    }

    /**
     * Decodes a 33-byte compressed point (0x02/0x03 prefix).
     *
     * @throws IllegalArgumentException if the bytes are not a point on the curve
     */
    static ECPoint decodeCompressed(byte[] encoded) {
        if (encoded.length != 33 || (encoded[0] != 0x02 && encoded[0] != 0x03)) {
            throw new IllegalArgumentException("public key is not a compressed point (0x02/0x03 prefix, 33 bytes)");
        }
        return decode(encoded);
    }

    /** Decodes a compressed (33 bytes) or uncompressed (65 bytes, 0x04 prefix) point. */
    static ECPoint decode(byte[] encoded) {
        try {
            ECPoint point = CURVE.getCurve().decodePoint(encoded).normalize();
            if (point.isInfinity() || !point.isValid()) {
                throw new IllegalArgumentException("public key is not a point on secp256k1");
            }
            return point;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("public key is not a point on secp256k1", e);
        }
    }

    static ECPoint add(ECPoint a, ECPoint b) {
        return a.add(b).normalize();
    }

    static boolean isValidPrivateKey(BigInteger k) {
        return k.signum() > 0 && k.compareTo(N) < 0;
    }

    /** ser256(k): the private key as exactly 32 big-endian bytes (keeps leading zeros). */
    static byte[] ser256(BigInteger k) {
        byte[] raw = k.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    static byte[] hmacSha512(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA512", e);
        }
    }

    /** RIPEMD-160(SHA-256(data)): the key identifier whose first 4 bytes are the fingerprint. */
    static byte[] hash160(byte[] data) {
        byte[] sha;
        try {
            sha = MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return out;
    }
}
