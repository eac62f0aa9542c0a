/** TRON addresses: base58check, 41-prefixed hex, and the 20-byte EVM form its JSON-RPC uses. */
package com.c2c.chain.tron;
