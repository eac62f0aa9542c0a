package com.c2c.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.c2c.e2e.Api.Answer;
import com.c2c.e2e.Api.As;
import com.c2c.e2e.Platform.Balances;
import com.c2c.testkit.LocalInfra;
import com.c2c.testkit.chain.AnvilNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Real USDT out (ADR 0014), through the gateway of the platform up.sh started, whose wallet-service signs with the
 * hot wallet's keystore (deploy/local/keys.sh): a user funded by a real deposit withdraws to a fresh external
 * address; they confirm the new address with a second factor (a step-up token: amr pwd+otp), it cools down (10 s on
 * the local platform, services.sh), the signer signs and broadcasts, chain-watcher reports it at the chain's depth,
 * and only then the hold leaves: the amount to the hot wallet's custody, the fee to FEES, and the recipient holds
 * the amount on chain. Over the approval threshold two distinct admins with a second factor must approve; the
 * requester cannot, nor can one admin twice.
 */
class WithdrawalTest extends TradeScenarios {
    private static final long CHAIN = AnvilNode.CHAIN_ID;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What the local platform's cool-down (10 s) and signer need, with room; a longer cool-down is a setup error. */
    private static final Duration LONGEST_COOLDOWN = Duration.ofSeconds(60);

    @Test
    void aWithdrawalToANewAddressIsConfirmedWithASecondFactorCoolsDownAndIsSentOnChainAtDepth() {
        String owner = user("withdrawer", "0");
        try (AnvilNode chain = AnvilNode.attach()) {
            String deposit = depositOnChain(chain, owner, "25");
            swept(chain, deposit);
            String to = freshAddress();
            BigDecimal feesBefore = platform.ledgerKind("FEES");
            BigDecimal custodyBefore = platform.ledgerKind("CUSTODY");
            long hotWalletBefore = chain.balanceOf(hotWallet());

            JsonNode asked = platform.requestWithdrawal(As.user(owner), CHAIN, to, "10")
                    .expect(201, "withdrawing 10 USDT to a new address").body();
            String id = asked.path("id").asText();
            String fee = amount(asked, "fee").toPlainString();
            assertEquals("AWAITING_USER_CONFIRMATION", asked.path("state").asText(), "a new address: " + asked);
            assertEquals(0, asked.path("approvalsRequired").asInt(), "under the approval threshold: " + asked);
            assertAmount("1", amount(asked, "fee"), "the local chain's withdrawal fee");
            Balances held = platform.balances(owner);
            assertAmount("14", held.available(), "available while 10 + fee 1 are held");
            assertAmount("11", held.withdrawing(), "held for the withdrawal");

            // The owner's everyday token is not enough to confirm a new address: it needs a recent second factor.
            Answer plain = platform.confirmWithdrawal(As.user(owner), id);
            assertProblem(plain, 403, "second-factor-required", "confirming with a token without OTP");
            JsonNode confirmed = platform.confirmWithdrawal(As.withSecondFactor(owner, null), id)
                    .expect(200, "confirming with a step-up token").body();
            assertEquals("COOLING_DOWN", confirmed.path("state").asText(), confirmed.toString());

            JsonNode sent = sentAtDepth(chain, owner, id, Instant.parse(confirmed.path("cooldownUntil").asText()));
            assertEquals(10_000_000L, chain.balanceOf(to), "the recipient's USDT on chain (micro-units)");
            assertEquals(hotWalletBefore - 10_000_000L, chain.balanceOf(hotWallet()),
                    "the hot wallet's USDT on chain: the amount left it, the fee stayed");
            assertWithdrawn(owner, "14", sent);
            assertAmount(fee, platform.ledgerKind("FEES").subtract(feesBefore), "the fee, in FEES");
            assertAmount("10", platform.ledgerKind("CUSTODY").subtract(custodyBefore),
                    "the hot wallet's custody (CUSTODY is the contra of what the platform holds on chain)");
            sentOnChain("10", fee);
        }
    }

    @Test
    void overTheThresholdTwoDistinctAdminsWithASecondFactorApproveNeverTheRequesterNorOneAdminTwice() {
        String owner = user("big-withdrawer", "0");
        String adminA = user("withdrawal-admin-a", "0");
        String adminB = user("withdrawal-admin-b", "0");
        try (AnvilNode chain = AnvilNode.attach()) {
            depositOnChain(chain, owner, "1200");
            String to = freshAddress();
            BigDecimal feesBefore = platform.ledgerKind("FEES");

            JsonNode asked = platform.requestWithdrawal(As.user(owner), CHAIN, to, "1100")
                    .expect(201, "withdrawing 1100 USDT (over the threshold of 1000)").body();
            String id = asked.path("id").asText();
            String fee = amount(asked, "fee").toPlainString();
            assertEquals(2, asked.path("approvalsRequired").asInt(), "over the approval threshold: " + asked);
            JsonNode confirmed = platform.confirmWithdrawal(As.withSecondFactor(owner, null), id)
                    .expect(200, "the owner confirms the new address").body();
            JsonNode waiting = afterCooldown(owner, id, Instant.parse(confirmed.path("cooldownUntil").asText()));
            assertEquals("AWAITING_APPROVAL", waiting.path("state").asText(), "after the cool-down: " + waiting);

            // Refusals change nothing. The requester holds the admin role here, so the refusal is the own-withdrawal rule.
            assertProblem(platform.approveWithdrawal(As.withSecondFactor(owner, "admin"), id), 403, "own-withdrawal",
                    "the requester approving their own withdrawal");
            assertProblem(platform.approveWithdrawal(As.withSecondFactor(owner, null), id), 403, null,
                    "a trader (no admin role) approving");
            assertProblem(platform.approveWithdrawal(As.withRoles(adminA, "admin"), id), 403, "second-factor-required",
                    "an admin without a recent second factor");

            JsonNode once = platform.approveWithdrawal(As.withSecondFactor(adminA, "admin"), id)
                    .expect(200, "the first admin's approval").body();
            assertEquals("AWAITING_APPROVAL", once.path("state").asText(), "one approval of two: " + once);
            assertEquals(List.of(adminA), approvers(once));
            assertProblem(platform.approveWithdrawal(As.withSecondFactor(adminA, "admin"), id), 409, "already-approved",
                    "the same admin approving again");
            assertEquals(List.of(adminA), approvers(platform.withdrawal(owner, id)), "after the refused second try");

            JsonNode twice = platform.approveWithdrawal(As.withSecondFactor(adminB, "admin"), id)
                    .expect(200, "the second admin's approval").body();
            assertTrue(Set.of("APPROVED", "SIGNED", "BROADCAST").contains(twice.path("state").asText()),
                    "two distinct admins approved: " + twice);

            JsonNode sent = sentAtDepth(chain, owner, id, Instant.now());
            assertEquals(1_100_000_000L, chain.balanceOf(to), "the recipient's USDT on chain (micro-units)");
            assertWithdrawn(owner, "99", sent);
            assertAmount(fee, platform.ledgerKind("FEES").subtract(feesBefore), "the fee, in FEES");
            sentOnChain("1100", fee);
        }
    }

    /** A real transfer from dev account 0 to the owner's deposit address, mined to the chain's depth and credited. */
    /** A real deposit to the owner's deposit address, credited; answers the address. */
    private String depositOnChain(AnvilNode chain, String owner, String usdt) {
        String address = platform.depositAddress(owner, CHAIN);
        int confirmations = platform.chain(CHAIN).path("confirmations").asInt();
        chain.transfer(0, address, new BigDecimal(usdt).movePointRight(6).longValueExact());
        fundedOnChain(usdt);
        if (confirmations > 1) {
            chain.mine(confirmations - 1);
        }
        awaitValue("deposit of " + usdt + " USDT to " + owner + " credited", () -> platform.balances(owner),
                b -> b.available().compareTo(new BigDecimal(usdt)) == 0);
        return address;
    }

    /** The hot wallet's USDT comes from sweeps only: waits until the deposit at {@code address} was swept into it. */
    private static void swept(AnvilNode chain, String address) {
        awaitValue("the deposit at " + address + " swept into the hot wallet", () -> chain.balanceOf(address),
                left -> left == 0L);
    }

    /** Waits until the withdrawal has left its cool-down (never before its end); answers it then. */
    private JsonNode afterCooldown(String owner, String id, Instant cooldownUntil) {
        Duration left = Duration.between(Instant.now(), cooldownUntil);
        assertTrue(left.compareTo(LONGEST_COOLDOWN) < 0, "the platform's new-address cool-down ends in " + left
                + ": start it with the local setting (deploy/local/services.sh, 10 s)");
        JsonNode w = awaitValue("withdrawal " + id + " past its cool-down (until " + cooldownUntil + ")",
                () -> platform.withdrawal(owner, id), v -> !"COOLING_DOWN".equals(v.path("state").asText()));
        assertFalse(Instant.now().isBefore(cooldownUntil), "left the cool-down before " + cooldownUntil + ": " + w);
        return w;
    }

    /**
     * The signer sends it (state BROADCAST: on the local chain, which mines each transaction as it arrives, already
     * in a block), it is not settled at depth 1, and it is CONFIRMED once the chain is the required blocks deeper.
     */
    private JsonNode sentAtDepth(AnvilNode chain, String owner, String id, Instant cooldownUntil) {
        if (Instant.now().isBefore(cooldownUntil)) {
            afterCooldown(owner, id, cooldownUntil);
        }
        // BROADCAST as a rule; SIGNED when the signer found its transaction mined before it recorded the broadcast.
        JsonNode signed = awaitValue("withdrawal " + id + " signed and broadcast", () -> platform.withdrawal(owner, id),
                w -> w.hasNonNull("txHash") || Set.of("CONFIRMED", "FAILED").contains(w.path("state").asText()));
        String tx = signed.path("txHash").asText();
        var receipt = chain.receipt(tx);
        assertTrue(receipt.isStatusOK(), "the withdrawal's transaction " + tx + " succeeded on chain: " + receipt);
        long block = receipt.getBlockNumber().longValueExact();
        JsonNode mined = platform.withdrawal(owner, id);
        assertTrue(Set.of("SIGNED", "BROADCAST").contains(mined.path("state").asText()),
                "mined in block " + block + ", not yet deep enough: " + mined);
        int confirmations = platform.chain(CHAIN).path("confirmations").asInt();
        long deep = block + confirmations - 1;
        long head = chain.blockNumber();
        if (head < deep) {
            chain.mine((int) (deep - head));
        }
        JsonNode done = awaitValue("withdrawal " + id + " (tx " + tx + ", block " + block + ") confirmed at "
                + confirmations + " confirmations", () -> platform.withdrawal(owner, id),
                w -> Set.of("CONFIRMED", "FAILED").contains(w.path("state").asText()));
        assertEquals("CONFIRMED", done.path("state").asText(), done.toString());
        assertEquals(tx, done.path("txHash").asText(), "the transaction that was mined");
        return done;
    }

    /** The hold is gone: nothing withdrawing, {@code available} left; the withdrawal's transaction succeeded. */
    private void assertWithdrawn(String owner, String available, JsonNode withdrawal) {
        Balances after = platform.balances(owner);
        assertAmount("0", after.withdrawing(), "held after the withdrawal was confirmed");
        assertAmount(available, after.available(), "available after the withdrawal");
        assertTrue(withdrawal.path("reason").isNull() || withdrawal.path("reason").isMissingNode(), withdrawal.toString());
    }

    private static List<String> approvers(JsonNode withdrawal) {
        return java.util.stream.StreamSupport.stream(withdrawal.path("approvedBy").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    /** A 4xx problem (RFC 9457) of this status, whose type ends with {@code slug} when one is given. */
    private static void assertProblem(Answer answer, int status, String slug, String what) {
        assertEquals(status, answer.status(), what + ": " + answer.body());
        if (slug != null) {
            assertTrue(answer.text("type").endsWith("/" + slug), what + ": problem type " + answer.body());
        }
    }

    /** The hot wallet the platform's signer sends from: the address in the keystore deploy/local/keys.sh wrote. */
    private static String hotWallet() {
        Path keystore = LocalInfra.repoRoot().resolve(".local/keys/hot-wallet.json");
        try {
            return "0x" + Api.JSON.readTree(keystore.toFile()).path("address").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + keystore + ": up.sh writes it (deploy/local/keys.sh)", e);
        }
    }

    /** An address no one has used: a random one, EIP-55 checksummed as a wallet shows it. */
    private static String freshAddress() {
        return Keys.toChecksumAddress(Numeric.toHexStringWithPrefixZeroPadded(new BigInteger(160, RANDOM), 40));
    }
}
