package com.c2c.chain.scan.domain;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * One ERC-20 {@code Transfer(address indexed from, address indexed to, uint256 value)} log of the chain's token
 * contract, read from the node's answer. Addresses and hashes are lower-case hex.
 */
public record TokenTransfer(String txHash, int logIndex, long blockNumber, String blockHash, String contract,
        String from, String to, BigInteger value) {
    /** keccak256("Transfer(address,address,uint256)"). */
    public static final String TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** A transfer of nothing (tokens allow them): not a deposit. */
    public boolean empty() {
        return value.signum() == 0;
    }

    /** Whether the value fits the platform's {@code long} micro-units (the token has 6 decimals). */
    public boolean fitsMicros() {
        return value.signum() > 0 && value.compareTo(LONG_MAX) <= 0;
    }

    /**
     * The transfer in a raw log, or {@code null} for a log that is not a token Transfer of {@code contract}
     * (another contract, another event, an ERC-721 Transfer whose value is indexed): such logs are never
     * reported, whatever the node's filter let through.
     */
    public static TokenTransfer read(String contract, String address, List<String> topics, String data,
            String txHash, long logIndex, long blockNumber, String blockHash) {
        if (address == null || !address.toLowerCase(Locale.ROOT).equals(contract) || topics == null
                || topics.size() != 3 || !TOPIC.equalsIgnoreCase(topics.get(0)) || data == null) {
            return null;
        }
        String hex = data.startsWith("0x") ? data.substring(2) : data;
        if (hex.length() != 64 || logIndex < 0 || logIndex > Integer.MAX_VALUE) {
            return null;
        }
        return new TokenTransfer(txHash.toLowerCase(Locale.ROOT), (int) logIndex, blockNumber,
                blockHash.toLowerCase(Locale.ROOT), contract, topicAddress(topics.get(1)), topicAddress(topics.get(2)),
                new BigInteger(hex, 16));
    }

    /** The address in an indexed address topic: its last 20 of 32 bytes. */
    static String topicAddress(String topic) {
        String hex = topic.startsWith("0x") ? topic.substring(2) : topic;
        if (hex.length() != 64) {
            throw new IllegalArgumentException("an address topic is 32 bytes: " + topic);
        }
        return "0x" + hex.substring(24).toLowerCase(Locale.ROOT);
    }
}
