package com.c2c.events;

/**
 * Kafka topic names, {@code c2c.<domain>.<kind>.v1}. Creating them (partitions, retention) is the
 * job of {@code deploy/local/topics.conf} and the Kubernetes manifests; a producer never creates topics.
 */
public final class Topics {
    /** Ads and taker orders; keyed by market so the book sees one market's inputs in order. */
    public static final String ORDER_EVENTS = "c2c.order.events.v1";
    /** Markets, trades matched, orders rejected; keyed by market. */
    public static final String MATCHING_EVENTS = "c2c.matching.events.v1";
    /** Commands to the ledger (reserve, lock, release, refund); keyed by owner account. */
    public static final String WALLET_COMMANDS = "c2c.wallet.commands.v1";
    /** Ledger outcomes (credited, reserved, locked, released, rejected); keyed by owner account. */
    public static final String WALLET_EVENTS = "c2c.wallet.events.v1";
    /**
     * The wallet's answers about a trade's escrowed funds (locked, released, refunded), read by escrow alone
     * (ADR 0019: the other readers of wallet events no longer receive two records per trade they ignore);
     * keyed by owner account like the commands they answer.
     */
    public static final String TRADE_FUNDS = "c2c.wallet.trade-funds.v1";
    /** Trade lifecycle; keyed by trade id. */
    public static final String ESCROW_EVENTS = "c2c.escrow.events.v1";
    /** Watched addresses and deposits (detected, confirmed, reverted, reorged); keyed by chain address. */
    public static final String CHAIN_EVENTS = "c2c.chain.events.v1";
    /** Records a consumer could never apply, with the reason in headers (ADR 0009); keyed as the original. */
    public static final String DEAD_LETTERS = "c2c.deadletter.v1";
    /**
     * Every topic a service consumes (chain events by wallet-service, which credits deposits; the dead-letter
     * topic is read only by operators).
     */
    public static final java.util.List<String> CONSUMED = java.util.List.of(ORDER_EVENTS, MATCHING_EVENTS,
            WALLET_COMMANDS, WALLET_EVENTS, TRADE_FUNDS, ESCROW_EVENTS, CHAIN_EVENTS);

    private Topics() {
    }
}
