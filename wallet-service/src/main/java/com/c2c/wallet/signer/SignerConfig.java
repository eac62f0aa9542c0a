package com.c2c.wallet.signer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The hot-wallet signer (ADR 0014): one EVM chain, its token, and the hot wallet's key as a web3j encrypted
 * JSON keystore file plus a password file. The key is read from those files only, never from a
 * configuration value, the database or a log; without a keystore the signer stays off (transfers queue).
 */
@ConfigMapping(prefix = "c2c.wallet.signer")
public interface SignerConfig {
    /** Off in tests (they run passes by hand); on for the running platform when a keystore is configured. */
    @WithDefault("true")
    boolean enabled();

    /** The hot wallet's encrypted JSON keystore (web3j / geth format). */
    Optional<Path> keystore();

    /** A file holding the keystore's password (its first line). */
    Optional<Path> passwordFile();

    /** The only chain this signer sends on; a transfer for another chain is refused. */
    @WithDefault("31337")
    long chainId();

    @WithDefault("http://127.0.0.1:8545")
    String rpcUrl();

    /** The token (USDT) contract; without it the signer stays off. */
    Optional<String> tokenContract();

    /** The token's decimals on this chain (USDT: 6 on Ethereum and TRON, 18 on BSC). */
    @WithDefault("6")
    int tokenDecimals();

    /** How often the signer looks at its open transfers. */
    @WithDefault("1s")
    Duration pollInterval();

    /** A broadcast transaction not mined for this long is replaced (same nonce, fee at least +12.5 %). */
    @WithDefault("60s")
    Duration replaceAfter();

    /** Gas for one token transfer (a USDT transfer uses ~35-65k); fixed, since estimating refuses a revert. */
    @WithDefault("100000")
    long gasLimit();

    /** Fee ceiling in wei per gas: no version, first or replacement, offers more (bounds what a stuck tx costs). */
    @WithDefault("500000000000")
    long maxFeePerGasCap();

    /** At most this many transfers are signed per pass. */
    @WithDefault("20")
    int batchSize();

    /** Sweeps of deposit addresses into the hot wallet (ADR 0014). */
    Sweep sweep();

    interface Sweep {
        /**
         * The deposit account's key (m/44'/60'/a', the private side of {@code c2c.wallet.deposit.xpub}) as a web3j
         * encrypted JSON keystore; without it (or its password file) nothing is swept and deposits stay where they
         * arrived, still credited and still in the custody report.
         */
        Optional<Path> keystore();

        Optional<Path> passwordFile();

        /** An address is swept once this much credited USDT (micro-units) is there: gas is not spent to move dust. */
        @WithDefault("10000000")
        long minimum();

        /** How often the signer looks for deposit addresses to sweep. */
        @WithDefault("60s")
        Duration interval();
    }
}
