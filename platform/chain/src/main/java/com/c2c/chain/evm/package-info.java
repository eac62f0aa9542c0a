/** EVM (Ethereum-compatible) account addresses and their EIP-55 checksum. */
package com.c2c.chain.evm;
