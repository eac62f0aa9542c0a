package com.c2c.matching.book;

/**
 * An input record the engine cannot apply and cannot answer with a rejection (it names no order or ad
 * the engine could reject): it goes to the dead-letter topic, in the batch's Kafka transaction. The
 * decision depends only on the record, so a replay of the input log decides the same.
 *
 * @param reason      a short class for the metric: {@link #UNREADABLE}, {@link #UNKNOWN_TYPE}, {@link #INVALID}
 * @param description what is wrong, for the operator (never raw exception text)
 * @param cause       the class of the exception that found it, or the engine's own check
 */
record PoisonInput(String reason, String description, String cause) {
    /** Not a CloudEvent with a JSON object the engine can read. */
    static final String UNREADABLE = "unreadable";
    /** A CloudEvent type the engine does not know. */
    static final String UNKNOWN_TYPE = "unknown-type";
    /** Readable, but without an order or ad id the engine could address a rejection to. */
    static final String INVALID = "invalid";
    /** The cause named when the engine's own check (not an exception) found the problem. */
    static final String CHECK = "com.c2c.matching.book.InputCheck";
}
