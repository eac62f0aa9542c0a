package com.c2c.chain;

/**
 * A user-given address that cannot be used: wrong shape, wrong checksum, wrong prefix. Its own type so
 * an API layer can turn exactly this into a 4xx problem naming the field, without catching every
 * {@link IllegalArgumentException}. The message is safe to show to the user.
 */
public final class InvalidAddressException extends IllegalArgumentException {

    public InvalidAddressException(String message) {
        super(message);
    }
}
