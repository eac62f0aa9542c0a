package com.c2c.matching.engine;

/** GTC rests the unfilled rest; IOC cancels it; FOK fills completely at once or not at all. */
public enum TimeInForce {
    GTC, IOC, FOK
}
