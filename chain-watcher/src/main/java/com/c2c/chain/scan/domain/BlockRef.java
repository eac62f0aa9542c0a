package com.c2c.chain.scan.domain;

/** A block as the scanner keeps it: its number, its hash and its parent's hash (lower-case hex). */
public record BlockRef(long number, String hash, String parentHash) {
}
