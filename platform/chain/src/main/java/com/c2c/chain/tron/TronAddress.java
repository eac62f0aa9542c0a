package com.c2c.chain.tron;

import com.c2c.chain.InvalidAddressException;
import com.c2c.chain.encoding.Base58Check;
import com.c2c.chain.evm.EvmAddress;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A TRON account address: 21 bytes, the prefix byte 0x41 then the same 20 bytes an EVM address has
 * (keccak256 of the public key, last 20 bytes). People and wallets write it in base58check
 * ({@code T...}, 34 characters); TRON's HTTP API uses hex ({@code 41...}, 42 digits); its
 * Ethereum-compatible JSON-RPC (event logs) uses the 20-byte EVM form {@code 0x...}.
 */
public final class TronAddress {

    public static final byte PREFIX = 0x41;
    public static final int LENGTH = 21;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private TronAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Either form a person or the HTTP API may give: base58check {@code T...} or hex {@code 41...}. */
    public static TronAddress parse(String text) {
        if (text != null && text.length() == 2 * LENGTH && text.startsWith("41")) {
            return fromHex(text);
        }
        return fromBase58(text);
    }

    /** @throws InvalidAddressException if not base58, the checksum is wrong, or it is not 21 bytes with 0x41 first */
    public static TronAddress fromBase58(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidAddressException("TRON address is empty");
        }
        if (text.length() != 34 || text.charAt(0) != 'T') {
            throw new InvalidAddressException("TRON address must be 34 characters starting with T");
        }
        byte[] payload;
        try {
            payload = Base58Check.decode(text);
        } catch (Base58Check.ChecksumMismatchException e) {
            throw new InvalidAddressException("TRON address checksum is wrong: the address was probably mistyped");
        } catch (IllegalArgumentException e) {
            throw new InvalidAddressException("TRON address is not valid base58check: " + e.getMessage());
        }
        return fromBytes(payload);
    }

    /** {@code 41} + 40 hex digits, any case. */
    public static TronAddress fromHex(String text) {
        if (text == null || text.length() != 2 * LENGTH || !text.startsWith("41")
                || !text.chars().allMatch(c -> EvmAddress.isAsciiHexDigit((char) c))) {
            throw new InvalidAddressException("TRON hex address must be 41 followed by 40 hex digits");
        }
        return new TronAddress(HEX.parseHex(text.toLowerCase()));
    }

    public static TronAddress fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH || bytes[0] != PREFIX) {
            throw new InvalidAddressException("TRON address must be 21 bytes starting with 0x41");
        }
        return new TronAddress(bytes.clone());
    }

    /** The TRON address with the same 20 bytes, e.g. from a log of TRON's Ethereum-compatible JSON-RPC. */
    public static TronAddress fromEvm(EvmAddress evm) {
        byte[] out = new byte[LENGTH];
        out[0] = PREFIX;
        System.arraycopy(evm.toBytes(), 0, out, 1, EvmAddress.LENGTH);
        return new TronAddress(out);
    }

    /** @param publicKey 64 bytes (x||y) or 65 bytes (0x04||x||y) */
    public static TronAddress fromPublicKey(byte[] publicKey) {
        return fromEvm(EvmAddress.fromPublicKey(publicKey));
    }

    /** {@code T...}: the form to show and to accept from people. */
    public String toBase58() {
        return Base58Check.encode(bytes);
    }

    /** {@code 41} + 40 lower-case hex digits: the HTTP API's form. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    /** The 20-byte EVM form, as TRON's JSON-RPC shows it. */
    public EvmAddress toEvm() {
        return EvmAddress.fromBytes(Arrays.copyOfRange(bytes, 1, LENGTH));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TronAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The base58check form. */
    @Override
    public String toString() {
        return toBase58();
    }
}
