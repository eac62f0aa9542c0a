package com.c2c.platform.messaging.reconcile;

/**
 * What one owner's USDT a service believes is held: {@code reservedMicros} in the wallet's RESERVED
 * account, {@code lockedMicros} in its LOCKED account (micro-units).
 */
public record Hold(String ownerId, long reservedMicros, long lockedMicros) {
}
