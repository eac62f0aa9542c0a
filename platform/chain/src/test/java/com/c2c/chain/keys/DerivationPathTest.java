package com.c2c.chain.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DerivationPathTest {

    @Test
    void bip44_path_with_each_hardened_notation() {
        long h = ChildNumber.HARDENED_OFFSET;
        List<Long> expected = List.of(h + 44, h + 60, h, 0L, 7L);

        for (String text : List.of("m/44'/60'/0'/0/7", "m/44H/60H/0H/0/7", "m/44h/60h/0h/0/7")) {
            DerivationPath path = DerivationPath.parse(text);
            assertTrue(path.fromMaster(), text);
            assertEquals(expected, path.childNumbers(), text);
            assertTrue(path.hasHardenedStep(), text);
            assertEquals("m/44'/60'/0'/0/7", path.toString());
        }
    }

    @Test
    void relative_and_master_only_paths() {
        DerivationPath relative = DerivationPath.parse("0/2147483647");

        assertFalse(relative.fromMaster());
        assertFalse(relative.hasHardenedStep());
        assertEquals(List.of(0L, 2147483647L), relative.childNumbers());
        assertEquals(List.of(), DerivationPath.parse("m").childNumbers());
        assertEquals("m", DerivationPath.parse("m").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "m/", "m//1", "m/-1", "m/2147483648", "m/1''", "m/x", "0/+1", "m/99999999999"})
    void malformed_paths_are_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse(text));
    }

    @Test
    void paths_are_bounded() {
        assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("0/".repeat(40) + "0"));
    }
}
