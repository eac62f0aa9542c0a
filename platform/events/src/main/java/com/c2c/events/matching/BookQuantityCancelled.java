package com.c2c.events.matching;

import java.util.UUID;

/** Quantity left the book without trading: a cancel or an IOC remainder. Its reservation can be released. */
public record BookQuantityCancelled(UUID orderId, String market, String ownerId, long quantityMicros, String reason) {
}
