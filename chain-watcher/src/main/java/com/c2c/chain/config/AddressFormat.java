package com.c2c.chain.config;

import com.c2c.chain.InvalidAddressException;
import com.c2c.chain.evm.EvmAddress;
import com.c2c.chain.tron.TronAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a chain's people write addresses. The scanner itself only ever handles the 20-byte hex form: TRON's
 * Ethereum-compatible JSON-RPC takes and returns 20-byte hex in log filters and logs (its documentation: "Log
 * filters use 20-byte hexadecimal addresses"), the same bytes as the base58check {@code T...} address minus its
 * {@code 41} prefix. So a TRON chain may be configured with the token's {@code T...} address, which is turned into
 * hex once, at start.
 */
public enum AddressFormat {
    /** 0x-prefixed 20-byte hex (EIP-55 checksum optional). */
    EVM,
    /** base58check {@code T...}; 41-prefixed or 0x-prefixed hex are accepted too. */
    TRON;

    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /**
     * The configured contract address as the node's log filter needs it: lower-case 0x hex.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public String contractHex(String configured) {
        String text = configured.strip();
        if (HEX_ADDRESS.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (this == EVM) {
            throw new IllegalArgumentException(text + " is not a 0x-prefixed 20-byte hex address");
        }
        try {
            return TronAddress.parse(text).toEvm().toLowerCase();
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(text + " is not a TRON address: " + e.getMessage(), e);
        }
    }

    /** An address read from the node (0x hex) as this chain's people write it. */
    public String display(String hex) {
        return this == TRON ? TronAddress.fromEvm(EvmAddress.parse(hex)).toBase58() : hex;
    }
}
