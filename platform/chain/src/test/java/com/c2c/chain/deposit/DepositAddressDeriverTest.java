package com.c2c.chain.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.evm.EvmAddress;
import com.c2c.chain.keys.Bip32Network;
import com.c2c.chain.keys.ExtendedPrivateKey;
import com.c2c.chain.keys.ExtendedPublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/**
 * Deposit addresses from an account xpub are the addresses a BIP-44 wallet shows: Anvil's dev
 * accounts for its dev mnemonic.
 */
class DepositAddressDeriverTest {

    private static ExtendedPrivateKey accountKey() {
        byte[] seed = MnemonicUtils.generateSeed(TestMnemonic.MNEMONIC, "");
        return ExtendedPrivateKey.fromSeed(seed, Bip32Network.MAINNET).derive(TestMnemonic.ACCOUNT_PATH);
    }

    @Test
    void the_published_test_xpub_is_the_mnemonic_account_key() {
        assertEquals(TestMnemonic.ACCOUNT_XPUB, accountKey().neuter().serialize());
    }

    @Test
    void addresses_derived_publicly_from_the_account_xpub_are_anvils_dev_accounts() {
        DepositAddressDeriver deriver = new DepositAddressDeriver(accountKey().neuter());

        for (int i = 0; i < 3; i++) {
            EvmAddress address = deriver.addressAt(i);
            assertEquals(TestMnemonic.ANVIL_ADDRESSES.get(i), address.toChecksummed());
            assertEquals(TestMnemonic.ANVIL_ADDRESSES.get(i).toLowerCase(), address.toLowerCase());
        }
    }

    @Test
    void the_deriver_reads_the_configured_xpub_text() {
        DepositAddressDeriver deriver = DepositAddressDeriver.fromAccountXpub(TestMnemonic.ACCOUNT_XPUB);

        assertEquals(TestMnemonic.ANVIL_ADDRESSES.get(2), deriver.addressAt(2).toChecksummed());
        assertEquals(TestMnemonic.ACCOUNT_XPUB, deriver.accountKey().serialize());
    }

    @Test
    void signing_keys_are_anvils_private_keys_and_match_the_public_addresses() {
        DepositSigningKeys keys = new DepositSigningKeys(accountKey());

        for (int i = 0; i < 3; i++) {
            var pair = keys.keyPairAt(i);
            assertEquals(TestMnemonic.ANVIL_PRIVATE_KEYS.get(i), String.format("%064x", pair.getPrivateKey()));
            assertEquals(TestMnemonic.ANVIL_ADDRESSES.get(i).toLowerCase(), "0x" + Keys.getAddress(pair));
            assertEquals(keys.addressAt(i), EvmAddress.parse(TestMnemonic.ANVIL_ADDRESSES.get(i)));
        }
        assertTrue(!keys.toString().contains(TestMnemonic.ANVIL_PRIVATE_KEYS.get(0)));
    }

    @Test
    void private_derivation_agrees_with_web3j_for_deeper_indexes() {
        // web3j's private derivation is sound (its bugs are in derivation from public keys): an independent
        // oracle for indexes the vectors do not cover
        byte[] seed = MnemonicUtils.generateSeed(TestMnemonic.MNEMONIC, "");
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        DepositAddressDeriver deriver = DepositAddressDeriver.fromAccountXpub(TestMnemonic.ACCOUNT_XPUB);
        int hardened = Bip32ECKeyPair.HARDENED_BIT;

        for (int i : new int[] {3, 17, 1000, 65_536, Integer.MAX_VALUE}) {
            Bip32ECKeyPair web3j = Bip32ECKeyPair.deriveKeyPair(master,
                    new int[] {44 | hardened, 60 | hardened, hardened, 0, i});
            assertEquals("0x" + Keys.getAddress(web3j), deriver.addressAt(i).toLowerCase(), "index " + i);
        }
    }

    @Test
    void a_key_that_is_not_an_account_key_is_refused() {
        ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(MnemonicUtils.generateSeed(TestMnemonic.MNEMONIC, ""),
                Bip32Network.MAINNET);
        ExtendedPublicKey masterXpub = master.neuter();
        ExtendedPublicKey chainXpub = accountKey().neuter().deriveChild(0);
        ExtendedPublicKey unhardenedDepth3 = master.derive("m/44'/60'/0").neuter();

        for (ExtendedPublicKey wrong : new ExtendedPublicKey[] {masterXpub, chainXpub, unhardenedDepth3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DepositAddressDeriver(wrong));
            assertTrue(e.getMessage().contains("account key"), e.getMessage());
        }
    }

    @Test
    void negative_indexes_are_refused() {
        DepositAddressDeriver deriver = DepositAddressDeriver.fromAccountXpub(TestMnemonic.ACCOUNT_XPUB);

        assertThrows(IllegalArgumentException.class, () -> deriver.addressAt(-1));
    }

    @Test
    void the_account_private_key_round_trips_through_xprv() {
        ExtendedPrivateKey account = accountKey();

        ExtendedPrivateKey parsed = ExtendedPrivateKey.parse(account.serialize());

        assertEquals(account, parsed);
        assertEquals(HexFormat.of().formatHex(account.privateKeyBytes()),
                HexFormat.of().formatHex(parsed.privateKeyBytes()));
    }
}
