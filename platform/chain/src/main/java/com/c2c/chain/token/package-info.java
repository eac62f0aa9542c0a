/** Token amounts: on-chain base units to and from ledger micro-units. */
package com.c2c.chain.token;
