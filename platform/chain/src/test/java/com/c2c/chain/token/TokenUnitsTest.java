package com.c2c.chain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TokenUnitsTest {

    @Test
    void six_decimal_base_units_are_micro_units() {
        assertEquals(1_500_000L, TokenUnits.SIX_DECIMALS.toMicroUnits(BigInteger.valueOf(1_500_000)));
        assertEquals(0L, TokenUnits.SIX_DECIMALS.toMicroUnits(BigInteger.ZERO));
        assertEquals(Long.MAX_VALUE, TokenUnits.SIX_DECIMALS.toMicroUnits(BigInteger.valueOf(Long.MAX_VALUE)));
        assertEquals(BigInteger.valueOf(2_000_001), TokenUnits.SIX_DECIMALS.toBaseUnits(2_000_001));
    }

    @Test
    void an_amount_beyond_long_is_refused_not_wrapped() {
        BigInteger justAbove = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        BigInteger uint256Max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> TokenUnits.SIX_DECIMALS.toMicroUnits(justAbove));
        assertTrue(e.getMessage().contains("never credited automatically"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> TokenUnits.SIX_DECIMALS.toMicroUnits(uint256Max));
    }

    @Test
    void negative_amounts_are_refused() {
        assertThrows(ArithmeticException.class, () -> TokenUnits.SIX_DECIMALS.toMicroUnits(BigInteger.valueOf(-1)));
        assertThrows(ArithmeticException.class, () -> TokenUnits.SIX_DECIMALS.toBaseUnits(-1));
    }

    @Test
    void an_eighteen_decimal_token_scales_exactly_or_refuses() {
        TokenUnits eighteen = TokenUnits.ofDecimals(18);

        assertEquals(1_000_000L, eighteen.toMicroUnits(new BigInteger("1000000000000000000")));
        assertEquals(new BigInteger("2500000000000000000"), eighteen.toBaseUnits(2_500_000));
        // one wei-sized unit is a millionth of a micro-unit: not a whole ledger amount
        assertThrows(ArithmeticException.class, () -> eighteen.toMicroUnits(new BigInteger("1000000000000000001")));
    }

    @Test
    void a_token_with_fewer_decimals_scales_up_and_refuses_finer_amounts() {
        TokenUnits two = TokenUnits.ofDecimals(2);

        assertEquals(1_230_000L, two.toMicroUnits(BigInteger.valueOf(123)));
        assertEquals(BigInteger.valueOf(123), two.toBaseUnits(1_230_000));
        assertThrows(ArithmeticException.class, () -> two.toBaseUnits(1_230_001));
        assertThrows(ArithmeticException.class, () -> two.toMicroUnits(BigInteger.valueOf(Long.MAX_VALUE)));
    }

    @Test
    void decimals_out_of_range_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> TokenUnits.ofDecimals(-1));
        assertThrows(IllegalArgumentException.class, () -> TokenUnits.ofDecimals(37));
        assertEquals(TokenUnits.SIX_DECIMALS, TokenUnits.ofDecimals(6));
    }
}
