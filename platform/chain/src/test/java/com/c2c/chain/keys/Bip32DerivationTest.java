package com.c2c.chain.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.chain.keys.Bip32TestVectors.Node;
import com.c2c.chain.keys.Bip32TestVectors.Vector;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Public (CKDpub) and private (CKDpriv) derivation against the BIP-32 test vectors. */
class Bip32DerivationTest {

    static Stream<Arguments> nodes() {
        return Bip32TestVectors.ALL.stream()
                .flatMap(v -> v.nodes().stream().map(n -> Arguments.of(v.name() + " " + n.path(), v, n)));
    }

    /** Each step whose last index is normal, with the parent node it is derived from. */
    static Stream<Arguments> normalSteps() {
        List<Arguments> steps = new ArrayList<>();
        for (Vector v : List.of(Bip32TestVectors.VECTOR_1, Bip32TestVectors.VECTOR_2, Bip32TestVectors.VECTOR_3)) {
            for (int i = 1; i < v.nodes().size(); i++) {
                Node child = v.nodes().get(i);
                String last = child.path().substring(child.path().lastIndexOf('/') + 1);
                if (!last.endsWith("H")) {
                    steps.add(Arguments.of(v.name() + " " + child.path(), v.nodes().get(i - 1), Integer.parseInt(last),
                            child));
                }
            }
        }
        return steps.stream();
    }

    @ParameterizedTest(name = "{0}: xprv from the seed")
    @MethodSource("nodes")
    void private_derivation_from_the_seed_gives_the_vector_xprv_and_its_neutered_xpub(String name, Vector vector,
                                                                                         Node node) {
        ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(HexFormat.of().parseHex(vector.seedHex()),
                Bip32Network.MAINNET);

        ExtendedPrivateKey key = master.derive(node.path());

        assertEquals(node.xprv(), key.serialize());
        assertEquals(node.xpub(), key.neuter().serialize());
    }

    @ParameterizedTest(name = "{0}: parse and serialize")
    @MethodSource("nodes")
    void parsing_and_serializing_gives_back_the_same_text(String name, Vector vector, Node node) {
        assertEquals(node.xpub(), ExtendedPublicKey.parse(node.xpub()).serialize());
        assertEquals(node.xprv(), ExtendedPrivateKey.parse(node.xprv()).serialize());
        assertEquals(node.xpub(), ExtendedPrivateKey.parse(node.xprv()).neuter().serialize());
    }

    @ParameterizedTest(name = "{0} from its parent's xpub")
    @MethodSource("normalSteps")
    void public_derivation_from_the_parent_xpub_gives_the_vector_xpub(String name, Node parent, int index, Node child) {
        ExtendedPublicKey parentKey = ExtendedPublicKey.parse(parent.xpub());

        ExtendedPublicKey derived = parentKey.deriveChild(index);

        assertEquals(child.xpub(), derived.serialize());
        assertEquals(parentKey.fingerprint(), derived.parentFingerprint());
        assertEquals(parentKey.depth() + 1, derived.depth());
        assertEquals(index, derived.childNumber());
        // and the private side agrees: CKDpriv then neuter == neuter then CKDpub
        assertEquals(derived, ExtendedPrivateKey.parse(parent.xprv()).deriveChild(index).neuter());
    }

    @Test
    void the_vectors_cover_the_paths_named_in_the_brief() {
        // m/0H/1 from m/0H, m/0H/1/2H/2 from m/0H/1/2H, .../1000000000 from .../2, vector 2 m/0 from m, ...
        List<String> derived = normalSteps().map(a -> (String) a.get()[0]).toList();
        assertEquals(List.of("vector 1 m/0H/1", "vector 1 m/0H/1/2H/2", "vector 1 m/0H/1/2H/2/1000000000",
                "vector 2 m/0", "vector 2 m/0/2147483647H/1", "vector 2 m/0/2147483647H/1/2147483646H/2"), derived);
    }

    @Test
    void a_path_of_normal_steps_from_an_xpub_equals_step_by_step_derivation() {
        Node parent = Bip32TestVectors.VECTOR_1.nodes().get(3); // m/0H/1/2H
        Node grandchild = Bip32TestVectors.VECTOR_1.nodes().get(5); // m/0H/1/2H/2/1000000000

        assertEquals(grandchild.xpub(), ExtendedPublicKey.parse(parent.xpub()).derive("2/1000000000").serialize());
    }

    @Test
    void fingerprints_depth_and_child_numbers_match_the_vector() {
        // vector 1: the identifier of m starts 3442193e, of m/0H 5c1bd648
        ExtendedPublicKey master = ExtendedPublicKey.parse(Bip32TestVectors.VECTOR_1.nodes().get(0).xpub());
        ExtendedPublicKey hardenedChild = ExtendedPublicKey.parse(Bip32TestVectors.VECTOR_1.nodes().get(1).xpub());

        assertEquals(0x3442193e, master.fingerprint());
        assertEquals(0, master.depth());
        assertEquals(0, master.parentFingerprint());
        assertEquals(0, master.childNumber());
        assertEquals(0x5c1bd648, hardenedChild.fingerprint());
        assertEquals(1, hardenedChild.depth());
        assertEquals(0x3442193e, hardenedChild.parentFingerprint());
        assertEquals(ChildNumber.HARDENED_OFFSET, hardenedChild.childNumber());
        assertEquals("0'", ChildNumber.format(hardenedChild.childNumber()));
    }

    @Test
    void hardened_derivation_from_an_xpub_is_refused_with_a_clear_message() {
        ExtendedPublicKey master = ExtendedPublicKey.parse(Bip32TestVectors.VECTOR_1.nodes().get(0).xpub());

        IllegalArgumentException byIndex = assertThrows(IllegalArgumentException.class,
                () -> master.deriveChild((int) ChildNumber.hardened(0)));
        IllegalArgumentException byPath = assertThrows(IllegalArgumentException.class, () -> master.derive("m/0'"));

        assertTrue(byIndex.getMessage().contains("hardened"), byIndex.getMessage());
        assertTrue(byPath.getMessage().contains("hardened"), byPath.getMessage());
    }

    @Test
    void a_path_from_m_is_refused_below_the_master_key() {
        ExtendedPublicKey child = ExtendedPublicKey.parse(Bip32TestVectors.VECTOR_2.nodes().get(1).xpub());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> child.derive("m/0"));

        assertTrue(e.getMessage().contains("depth 1"), e.getMessage());
    }

    @Test
    void testnet_keys_serialize_as_tpub_and_tprv_and_derive_the_same_keys_as_mainnet() {
        byte[] seed = HexFormat.of().parseHex(Bip32TestVectors.VECTOR_1.seedHex());
        ExtendedPrivateKey mainnet = ExtendedPrivateKey.fromSeed(seed, Bip32Network.MAINNET).derive("m/0H/1");
        ExtendedPrivateKey testnet = ExtendedPrivateKey.fromSeed(seed, Bip32Network.TESTNET).derive("m/0H/1");

        String tpub = testnet.neuter().serialize();
        String tprv = testnet.serialize();
        ExtendedPublicKey parsed = ExtendedPublicKey.parse(tpub);

        assertTrue(tpub.startsWith("tpub"), tpub);
        assertTrue(tprv.startsWith("tprv"), "tprv prefix");
        assertEquals(Bip32Network.TESTNET, parsed.network());
        assertEquals(tpub, parsed.serialize());
        assertEquals(tprv, ExtendedPrivateKey.parse(tprv).serialize());
        assertEquals(HexFormat.of().formatHex(mainnet.neuter().deriveChild(2).publicKey()),
                HexFormat.of().formatHex(parsed.deriveChild(2).publicKey()));
    }

    @Test
    void the_private_key_never_shows_in_to_string() {
        ExtendedPrivateKey key = ExtendedPrivateKey.parse(Bip32TestVectors.VECTOR_1.nodes().get(0).xprv());

        String shown = key.toString();

        assertTrue(!shown.contains(key.serialize()) && !shown.contains(HexFormat.of().formatHex(key.privateKeyBytes())),
                shown);
    }
}
