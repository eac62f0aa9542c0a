/** Deposit addresses (BIP-44 m/44'/60'/account'/0/i) from the account xpub, and their signing keys. */
package com.c2c.chain.deposit;
