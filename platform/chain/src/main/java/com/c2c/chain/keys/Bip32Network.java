package com.c2c.chain.keys;

/**
 * The network an extended key belongs to, named by the four version bytes that start its 78-byte
 * serialization (BIP-32 "Serialization format"): they make the text start with xpub/xprv or tpub/tprv.
 */
public enum Bip32Network {
    MAINNET(0x0488B21E, 0x0488ADE4, "xpub", "xprv"),
    TESTNET(0x043587CF, 0x04358394, "tpub", "tprv");

    private final int publicVersion;
    private final int privateVersion;
    private final String publicPrefix;
    private final String privatePrefix;

    Bip32Network(int publicVersion, int privateVersion, String publicPrefix, String privatePrefix) {
        this.publicVersion = publicVersion;
        this.privateVersion = privateVersion;
        this.publicPrefix = publicPrefix;
        this.privatePrefix = privatePrefix;
    }

    public int publicVersion() {
        return publicVersion;
    }

    public int privateVersion() {
        return privateVersion;
    }

    /** "xpub" or "tpub". */
    public String publicPrefix() {
        return publicPrefix;
    }

    /** "xprv" or "tprv". */
    public String privatePrefix() {
        return privatePrefix;
    }

    static Bip32Network ofPublicVersion(int version) {
        for (Bip32Network network : values()) {
            if (network.publicVersion == version) {
                return network;
            }
        }
        return null;
    }

    static Bip32Network ofPrivateVersion(int version) {
        for (Bip32Network network : values()) {
            if (network.privateVersion == version) {
                return network;
            }
        }
        return null;
    }
}
