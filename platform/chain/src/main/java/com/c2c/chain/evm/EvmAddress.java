package com.c2c.chain.evm;

import com.c2c.chain.InvalidAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.web3j.crypto.Hash;

/**
 * A 20-byte EVM account address. Parsed strictly from {@code 0x} + 40 hex digits: all lower-case and
 * all upper-case are accepted as they are, mixed case must carry a correct EIP-55 checksum (a mistyped
 * address then fails instead of sending funds nowhere). Stored and compared in its lower-case form.
 */
public final class EvmAddress {

    public static final int LENGTH = 20;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private EvmAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws InvalidAddressException if the text is not {@code 0x} + 40 hex digits, or is mixed case
     *         with a wrong EIP-55 checksum
     */
    public static EvmAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidAddressException("address is empty");
        }
        if (text.length() != 2 + 2 * LENGTH || !text.startsWith("0x")) {
            throw new InvalidAddressException("address must be 0x followed by 40 hex digits");
        }
        String digits = text.substring(2);
        for (int i = 0; i < digits.length(); i++) {
            if (!isAsciiHexDigit(digits.charAt(i))) {
                throw new InvalidAddressException("address must be 0x followed by 40 hex digits");
            }
        }
        EvmAddress address = new EvmAddress(HEX.parseHex(digits.toLowerCase()));
        boolean mixedCase = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixedCase && !address.toChecksummed().equals(text)) {
            throw new InvalidAddressException("address checksum (EIP-55 upper/lower case) is wrong: the address was"
                    + " probably mistyped");
        }
        return address;
    }

    public static EvmAddress fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new InvalidAddressException("an EVM address is " + LENGTH + " bytes, got " + bytes.length);
        }
        return new EvmAddress(bytes.clone());
    }

    /**
     * The address of a secp256k1 public key: the last 20 bytes of keccak256 of its 64-byte x||y.
     *
     * @param publicKey 64 bytes (x||y), 65 bytes (0x04||x||y); compressed keys must be decompressed first
     */
    public static EvmAddress fromPublicKey(byte[] publicKey) {
        byte[] hash = Hash.sha3(rawPublicKey(publicKey));
        return new EvmAddress(Arrays.copyOfRange(hash, hash.length - LENGTH, hash.length));
    }

    /**
     * The address in an indexed event argument (e.g. {@code from}/{@code to} of an ERC-20 Transfer log):
     * a 32-byte word, the address right-aligned behind 12 zero bytes.
     */
    public static EvmAddress fromLogTopic(String topic) {
        if (topic == null || topic.length() != 66 || !topic.startsWith("0x")) {
            throw new InvalidAddressException("log topic must be 0x followed by 64 hex digits");
        }
        byte[] word;
        try {
            word = HEX.parseHex(topic.substring(2));
        } catch (IllegalArgumentException e) {
            throw new InvalidAddressException("log topic must be 0x followed by 64 hex digits");
        }
        for (int i = 0; i < 32 - LENGTH; i++) {
            if (word[i] != 0) {
                throw new InvalidAddressException("log topic is not an address: its first 12 bytes are not zero");
            }
        }
        return new EvmAddress(Arrays.copyOfRange(word, 32 - LENGTH, 32));
    }

    /** Character.digit would also take other scripts' digits; an address is ASCII only. */
    public static boolean isAsciiHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The 64-byte x||y that EVM and TRON addresses hash. */
    public static byte[] rawPublicKey(byte[] publicKey) {
        if (publicKey.length == 64) {
            return publicKey;
        }
        if (publicKey.length == 65 && publicKey[0] == 0x04) {
            return Arrays.copyOfRange(publicKey, 1, 65);
        }
        throw new IllegalArgumentException("public key must be 64 bytes (x||y) or 65 bytes (0x04||x||y), got "
                + publicKey.length + " bytes");
    }

    /** {@code 0x} + 40 lower-case hex digits: the form we store, compare and put in events. */
    public String toLowerCase() {
        return "0x" + HEX.formatHex(bytes);
    }

    /** {@code 0x} + 40 hex digits in EIP-55 mixed case: the form to show to people. */
    public String toChecksummed() {
        String lower = HEX.formatHex(bytes);
        String hash = HEX.formatHex(Hash.sha3(lower.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            // a letter is upper-cased when the matching nibble of keccak256(lower-case hex) is 8 or more
            out.append(c >= 'a' && Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvmAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The lower-case form. */
    @Override
    public String toString() {
        return toLowerCase();
    }
}
