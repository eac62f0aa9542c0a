package com.c2c.testkit.chain;

import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The accounts every Anvil node funds at start: the first ten keys of its standard development mnemonic
 * on the Ethereum path m/44'/60'/0'/0/i. Account 0 deploys the local USDT and owns it.
 */
public final class DevAccounts {
    /** Anvil's default mnemonic; public knowledge, so these keys hold value on no real chain. */
    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    public static final int COUNT = 10;

    private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;
    private static final List<Credentials> ACCOUNTS = derive();

    private DevAccounts() {
    }

    /** The credentials (key pair and checksum-free lower-case address) of dev account {@code index}. */
    public static Credentials credentials(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("Anvil funds dev accounts 0.." + (COUNT - 1) + ", not " + index);
        }
        return ACCOUNTS.get(index);
    }

    /** The lower-case 0x address of dev account {@code index}. */
    public static String address(int index) {
        return credentials(index).getAddress();
    }

    private static List<Credentials> derive() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
        List<Credentials> accounts = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, i};
            accounts.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
        }
        return List.copyOf(accounts);
    }
}
