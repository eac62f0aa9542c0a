/** Text encodings of chain data (base58check). */
package com.c2c.chain.encoding;
