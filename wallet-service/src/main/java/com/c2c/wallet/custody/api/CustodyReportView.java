package com.c2c.wallet.custody.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The custody report: per chain, what the chain holds at the platform's addresses beside what the ledger says it
 * holds there, the difference, and what is in flight; and the ledger's side, what the platform owes. Amounts are
 * exact USDT decimal strings (scale 6 or more), the gas balance in the chain's native coin.
 */
@Schema(description = "Custody: on-chain token balances against the ledger, per chain")
public record CustodyReportView(
        Instant at,
        @Schema(example = "USDT") String asset,
        @Schema(description = "true when every chain's difference is zero and nothing is in flight")
        boolean reconciled,
        List<ChainCustodyView> chains,
        LedgerSideView ledger) {

    @Schema(description = "One chain, read at one block")
    public record ChainCustodyView(
            @Schema(example = "31337") long chainId,
            @Schema(example = "0x5fbdb2315678afecb367f032d93f642f64180aa3") String tokenContract,
            @Schema(description = "the block every balance was read at", example = "1234") long block,
            HotWalletView hotWallet,
            @Schema(description = "balanceOf summed over the hot wallet, every deposit address and any other address"
                    + " the ledger has custody at", example = "1025.000000") String onChainTotal,
            @Schema(description = "the ledger's custody on this chain: minus its CUSTODY balances", example = "1025.000000")
            String ledgerCustody,
            @Schema(description = "transfers of the token to these addresses recorded but never credited (dust)",
                    example = "0.000000") String uncredited,
            @Schema(description = "onChainTotal - ledgerCustody - uncredited: zero when the chain and the ledger agree",
                    example = "0.000000") String difference,
            InFlightView inFlight,
            @Schema(description = "addresses whose balance was read", example = "42") int addressesRead,
            @Schema(description = "the addresses holding or owed anything (the first listLimit of them)")
            List<AddressCustodyView> addresses,
            @Schema(description = "addresses holding or owed something that are not listed (still in the totals)",
                    example = "0") int addressesNotListed,
            @Schema(description = "difference zero and nothing in flight") boolean reconciled) {
    }

    @Schema(description = "The signer's hot wallet on the chain; address null when the signer has no key")
    public record HotWalletView(
            @Schema(example = "0xa0ee7a142d267c1f36714e4a8f75612f20a79720") String address,
            @Schema(example = "1000.000000") String onChain,
            @Schema(example = "1000.000000") String ledgerCustody,
            @Schema(description = "native coin for gas, whole coins (ETH)", example = "9.999871") String gasBalance,
            @Schema(example = "0.05") String gasWarningBelow,
            @Schema(description = "gasBalance below gasWarningBelow: fund the hot wallet before it cannot send")
            boolean gasLow) {
    }

    @Schema(description = "One address: what the chain holds there and what the ledger says")
    public record AddressCustodyView(
            @Schema(example = "0x1e7a1d4ab7aa4b1fcb3a4b4e2fcf2d5a2a9b1c3d") String address,
            @Schema(description = "HOT_WALLET, DEPOSIT (ownerId set) or OTHER (a custody account of no current role)",
                    example = "DEPOSIT") String role,
            @Schema(example = "alice") String ownerId,
            @Schema(example = "25.000000") String onChain,
            @Schema(example = "25.000000") String ledgerCustody,
            @Schema(example = "0.000000") String uncredited,
            @Schema(description = "deposits seen on chain, not yet confirmed (in flight)", example = "0.000000")
            String pendingDeposits,
            @Schema(description = "onChain - ledgerCustody - uncredited", example = "0.000000") String difference) {
    }

    @Schema(description = "What has moved on one side and not yet on the other")
    public record InFlightView(
            @Schema(description = "signed transfers out of the platform's addresses not yet settled in the ledger",
                    example = "1") long outgoingCount,
            @Schema(example = "10.000000") String outgoingTotal,
            List<OutgoingTransferView> outgoing,
            @Schema(description = "deposits on chain not yet at the confirmation depth", example = "0")
            long pendingDepositsCount,
            @Schema(example = "0.000000") String pendingDepositsTotal) {
    }

    @Schema(description = "An outgoing transfer (a withdrawal, a sweep) signed and not yet settled")
    public record OutgoingTransferView(
            @Schema(example = "4f6c2d1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f") String transferId,
            @Schema(description = "SIGNED, BROADCAST, or MINED and not yet confirmed at the chain's depth",
                    example = "BROADCAST") String state,
            @Schema(example = "0xa0ee7a142d267c1f36714e4a8f75612f20a79720") String fromAddress,
            @Schema(example = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8") String toAddress,
            @Schema(example = "10.000000") String amount,
            @Schema(example = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060") String txHash,
            Instant signedAt) {
    }

    @Schema(description = "The ledger's side over every chain: what the platform owes and what it holds")
    public record LedgerSideView(
            @Schema(description = "users' AVAILABLE + RESERVED + LOCKED + WITHDRAWING", example = "1024.500000")
            String users,
            @Schema(example = "1000.000000") String available,
            @Schema(example = "0.000000") String reserved,
            @Schema(example = "0.000000") String locked,
            @Schema(example = "24.500000") String withdrawing,
            @Schema(example = "0.500000") String fees,
            @Schema(description = "uncredited transfers at the platform's addresses, over every chain", example = "0.000000")
            String uncredited,
            @Schema(description = "users + fees + uncredited", example = "1025.000000") String liabilities,
            @Schema(description = "the ledger's custody over every chain", example = "1025.000000") String custody,
            @Schema(description = "development credits: owed, backed by no chain", example = "0.000000")
            String externalFunding,
            @Schema(description = "custody + externalFunding = users + fees, as double entry requires") boolean balanced) {
    }
}
