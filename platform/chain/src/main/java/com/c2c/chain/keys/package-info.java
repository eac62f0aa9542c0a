/**
 * BIP-32 hierarchical deterministic keys on secp256k1: {@link com.c2c.chain.keys.ExtendedPublicKey}
 * (xpub/tpub, public derivation of normal children) and {@link com.c2c.chain.keys.ExtendedPrivateKey}
 * (xprv/tprv, private derivation of normal and hardened children).
 */
package com.c2c.chain.keys;
