package com.c2c.chain.scan;

import com.c2c.chain.config.ChainConfig;
import java.util.Locale;

/** A chain being scanned, as the scanner and its transactions need it. */
public record ScannedChain(String name, long chainId, String tokenContract, int confirmations, int keptBlocks) {
    public static ScannedChain of(String name, ChainConfig.Chain config, String tokenContract) {
        return new ScannedChain(name, config.chainId(), tokenContract.toLowerCase(Locale.ROOT), config.confirmations(),
                config.keptBlocks());
    }

    @Override
    public String toString() {
        return name + " (" + chainId + ")";
    }
}
