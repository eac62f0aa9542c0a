package com.c2c.wallet.deposit.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The wallet refuses to start handing out addresses of the public development mnemonic on a real chain. */
class DepositConfigTest {
    /** BIP-32 test vector 1's m/0'/1 xpub: any key that is not a development one. */
    private static final String OWN_XPUB =
            "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ";

    @Test
    void aDevelopmentXpubIsRefusedOnAnyChainButTheLocalOne() {
        for (String dev : DepositConfig.DEVELOPMENT_XPUBS) {
            assertDoesNotThrow(() -> DepositConfig.refuseDevelopmentKeys(dev, List.of(31337L)));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DepositConfig.refuseDevelopmentKeys(dev, List.of(31337L, 1L)));
            assertTrue(refused.getMessage().contains("C2C_DEPOSIT_XPUB"), refused.getMessage());
        }
        assertDoesNotThrow(() -> DepositConfig.refuseDevelopmentKeys(OWN_XPUB, List.of(1L, 56L)));
    }
}
