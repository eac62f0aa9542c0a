package com.c2c.wallet.deposit.domain;

import com.c2c.events.UsdtAmount;

/**
 * Whether a transfer to a deposit address may ever be credited: only the chain's USDT contract, at least the
 * minimum, to an address the wallet gave out. Anything else is recorded UNCREDITED with the reason.
 *
 * @param tokenContract the chain's USDT contract (lower case), null when none is configured
 * @param minimumMicros the smallest deposit credited
 */
public record DepositRules(String tokenContract, long minimumMicros) {

    /** Why the transfer may not be credited, or null when it may. */
    public String refusal(String transferContract, long amountMicros, String addressOwner) {
        if (addressOwner == null) {
            return "UNKNOWN_ADDRESS: the wallet gave this address to nobody";
        }
        if (tokenContract == null) {
            return "NO_TOKEN_CONFIGURED: the wallet credits no token on this chain";
        }
        if (!tokenContract.equalsIgnoreCase(transferContract)) {
            return "FOREIGN_TOKEN: contract " + transferContract + " is not the chain's USDT contract";
        }
        if (amountMicros < minimumMicros) {
            return "BELOW_MINIMUM: " + UsdtAmount.fromMicros(amountMicros).stripTrailingZeros().toPlainString() + " USDT is below the minimum of "
                    + UsdtAmount.fromMicros(minimumMicros).stripTrailingZeros().toPlainString();
        }
        return null;
    }

    /** The reason's code (the metric's tag): the text before the colon. */
    public static String code(String refusal) {
        int colon = refusal.indexOf(':');
        return colon < 0 ? refusal : refusal.substring(0, colon);
    }
}
