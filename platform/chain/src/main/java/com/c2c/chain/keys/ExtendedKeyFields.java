package com.c2c.chain.keys;

import com.c2c.chain.encoding.Base58Check;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The 78 bytes of a serialized extended key (BIP-32 "Serialization format"): version (4), depth (1),
 * parent fingerprint (4), child number (4), chain code (32), key data (33: a compressed public key, or
 * 0x00 and the 32-byte private key). Checks only what does not depend on public vs private.
 */
record ExtendedKeyFields(int version, int depth, int parentFingerprint, int childNumber, byte[] chainCode,
                         byte[] keyData) {

    static final int LENGTH = 78;

    /**
     * @param what "extended public key" or "extended private key", for the message
     * @throws IllegalArgumentException naming what is wrong, never repeating the text (it may be secret)
     */
    static ExtendedKeyFields decode(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        byte[] data;
        try {
            data = Base58Check.decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base58check: " + e.getMessage(), e);
        }
        if (data.length != LENGTH) {
            throw new IllegalArgumentException(
                    what + " must decode to " + LENGTH + " bytes, got " + data.length + " (truncated or not a BIP-32 key)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int version = buffer.getInt();
        int depth = buffer.get() & 0xFF;
        int parentFingerprint = buffer.getInt();
        int childNumber = buffer.getInt();
        byte[] chainCode = new byte[32];
        buffer.get(chainCode);
        byte[] keyData = new byte[33];
        buffer.get(keyData);
        // a master key (depth 0) has no parent and is no parent's child
        if (depth == 0 && parentFingerprint != 0) {
            throw new IllegalArgumentException(what + " has depth 0 but a non-zero parent fingerprint");
        }
        if (depth == 0 && childNumber != 0) {
            throw new IllegalArgumentException(what + " has depth 0 but a non-zero child number");
        }
        return new ExtendedKeyFields(version, depth, parentFingerprint, childNumber, chainCode, keyData);
    }

    String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        buffer.putInt(version).put((byte) depth).putInt(parentFingerprint).putInt(childNumber).put(chainCode)
                .put(keyData);
        return Base58Check.encode(buffer.array());
    }

    static int checkChildDepth(int parentDepth) {
        if (parentDepth >= 255) {
            throw new IllegalArgumentException("a child of a depth-255 key cannot be serialized (depth is one byte)");
        }
        return parentDepth + 1;
    }

    static byte[] ser32(long childNumber) {
        return ByteBuffer.allocate(4).putInt((int) childNumber).array();
    }

    static int fingerprint(byte[] compressedPublicKey) {
        return ByteBuffer.wrap(Arrays.copyOf(Secp256k1.hash160(compressedPublicKey), 4)).getInt();
    }
}
