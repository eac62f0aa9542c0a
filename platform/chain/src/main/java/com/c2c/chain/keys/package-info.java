/** Deposit-address key derivation (BIP-32/BIP-44 from an extended public key). */
package com.c2c.chain.keys;
