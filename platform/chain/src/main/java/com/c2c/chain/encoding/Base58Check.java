package com.c2c.chain.encoding;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Base58 with a 4-byte double-SHA-256 checksum, as used by BIP-32 extended keys and TRON addresses.
 * Error messages never repeat the input: it may be an extended private key.
 */
public final class Base58Check {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int CHECKSUM_LENGTH = 4;
    /** Longer than any key or address we read; bounds the quadratic big-number decoding of hostile input. */
    public static final int MAX_ENCODED_LENGTH = 200;

    private Base58Check() {
    }

    /** Appends the checksum to {@code payload} and encodes the whole in base58. */
    public static String encode(byte[] payload) {
        byte[] checksum = checksum(payload);
        byte[] data = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
        System.arraycopy(checksum, 0, data, payload.length, CHECKSUM_LENGTH);
        return encodeBase58(data);
    }

    /**
     * Decodes {@code text} and verifies its checksum.
     *
     * @return the payload without the checksum
     * @throws IllegalArgumentException if the text is not base58, too short, too long, or its checksum is wrong
     */
    public static byte[] decode(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty base58check text");
        }
        if (text.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("base58check text longer than " + MAX_ENCODED_LENGTH + " characters");
        }
        byte[] data = decodeBase58(text);
        if (data.length < CHECKSUM_LENGTH + 1) {
            throw new IllegalArgumentException("base58check text too short to hold a checksum");
        }
        byte[] payload = Arrays.copyOf(data, data.length - CHECKSUM_LENGTH);
        byte[] given = Arrays.copyOfRange(data, payload.length, data.length);
        if (!MessageDigest.isEqual(given, checksum(payload))) {
            throw new ChecksumMismatchException();
        }
        return payload;
    }

    /** The checksum of a base58check text is wrong: a typo, or a truncated or altered copy. */
    public static final class ChecksumMismatchException extends IllegalArgumentException {
        ChecksumMismatchException() {
            super("base58check checksum is wrong (mistyped or altered)");
        }
    }

    static String encodeBase58(byte[] data) {
        int leadingZeros = 0;
        while (leadingZeros < data.length && data[leadingZeros] == 0) {
            leadingZeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, data);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        out.append("1".repeat(leadingZeros));
        return out.reverse().toString();
    }

    static byte[] decodeBase58(String text) {
        BigInteger value = BigInteger.ZERO;
        int leadingOnes = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("character at position " + (i + 1) + " is not base58");
            }
            if (leading && digit == 0) {
                leadingOnes++;
            } else {
                leading = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        // BigInteger adds a zero byte in front when the top bit is set (its sign); it is not data
        int signByte = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[leadingOnes + magnitude.length - signByte];
        System.arraycopy(magnitude, signByte, out, leadingOnes, magnitude.length - signByte);
        return out;
    }

    private static byte[] checksum(byte[] payload) {
        byte[] hash = sha256(sha256(payload));
        return Arrays.copyOf(hash, CHECKSUM_LENGTH);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
