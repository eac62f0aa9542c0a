package com.c2c.wallet.signer.chain;

import com.c2c.wallet.signer.domain.Fees;
import com.c2c.wallet.signer.domain.NodeAnswer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/** The signer's JSON-RPC node (web3j over HTTP; blocking, so called from the signer's own thread only). */
public final class EvmNode implements AutoCloseable {
    private final Web3j web3j;
    private final String token;

    public EvmNode(String rpcUrl, String token) {
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.token = token;
    }

    /** A mined transaction: its block and whether it succeeded (receipt status 1) or reverted (0). */
    public record Receipt(String txHash, long block, boolean succeeded) {
    }

    public long chainId() throws IOException {
        return ok("eth_chainId", web3j.ethChainId().send()).getChainId().longValueExact();
    }

    /** The token's owner blacklist ({@code isBlackListed(address)}, as USDT has it) for {@code address}. */
    public boolean blacklisted(String address) throws IOException {
        Function isBlackListed = new Function("isBlackListed", List.of(new Address(address)),
                List.of(new TypeReference<Bool>() { }));
        String result = ok("eth_call isBlackListed", web3j.ethCall(Transaction.createEthCallTransaction(null, token,
                FunctionEncoder.encode(isBlackListed)), DefaultBlockParameterName.LATEST).send()).getValue();
        List<Type> decoded = FunctionReturnDecoder.decode(result, isBlackListed.getOutputParameters());
        if (decoded.isEmpty()) {
            throw new IOException("the token " + token + " answered isBlackListed with nothing (" + result + ")");
        }
        return (Boolean) decoded.getFirst().getValue();
    }

    /** The token's {@code balanceOf(address)}, in the token's base units, at the latest block. */
    public BigInteger tokenBalance(String address) throws IOException {
        Function balanceOf = new Function("balanceOf", List.of(new Address(address)),
                List.of(new TypeReference<Uint256>() { }));
        String result = ok("eth_call balanceOf", web3j.ethCall(Transaction.createEthCallTransaction(null, token,
                FunctionEncoder.encode(balanceOf)), DefaultBlockParameterName.LATEST).send()).getValue();
        List<Type> decoded = FunctionReturnDecoder.decode(result, balanceOf.getOutputParameters());
        if (decoded.isEmpty()) {
            throw new IOException("the token " + token + " answered balanceOf with nothing (" + result + ")");
        }
        return (BigInteger) decoded.getFirst().getValue();
    }

    /** The address's native coin (gas money), in wei, at the latest block. */
    public BigInteger nativeBalance(String address) throws IOException {
        return ok("eth_getBalance", web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send()).getBalance();
    }

    /** What a first offer should be now: twice the latest block's base fee plus the node's suggested tip. */
    public Fees currentFees(long cap) throws IOException {
        EthBlock.Block latest = ok("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST,
                false).send()).getBlock();
        long baseFee = latest.getBaseFeePerGas() == null ? 0 : latest.getBaseFeePerGas().longValueExact();
        long tip = ok("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas().send()).getMaxPriorityFeePerGas()
                .longValueExact();
        return Fees.forBaseFee(baseFee, tip, cap);
    }

    /** How many transactions of {@code address} are mined ({@code latest}) or also pending ({@code pending}). */
    public long transactionCount(String address, boolean pending) throws IOException {
        return ok("eth_getTransactionCount", web3j.ethGetTransactionCount(address,
                pending ? DefaultBlockParameterName.PENDING : DefaultBlockParameterName.LATEST).send())
                .getTransactionCount().longValueExact();
    }

    /** The node's answer to a broadcast: its kind, and its words when it refused. */
    public record Sent(NodeAnswer answer, String message) {
    }

    /** Broadcasts a signed transaction; a JSON-RPC refusal is classified, a transport failure thrown. */
    public Sent send(String rawTx) throws IOException {
        EthSendTransaction answer = web3j.ethSendRawTransaction(rawTx).send();
        return answer.hasError()
                ? new Sent(NodeAnswer.ofError(answer.getError().getMessage()), answer.getError().getMessage())
                : new Sent(NodeAnswer.ACCEPTED, null);
    }

    /** The transaction's receipt once it is mined. */
    public Optional<Receipt> receipt(String txHash) throws IOException {
        Optional<TransactionReceipt> receipt = ok("eth_getTransactionReceipt",
                web3j.ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
        return receipt.filter(r -> r.getBlockNumberRaw() != null).map(r -> new Receipt(txHash,
                r.getBlockNumber().longValueExact(), r.isStatusOK()));
    }

    /** Whether the node has the transaction at all (pending in its pool or mined). */
    public boolean knows(String txHash) throws IOException {
        return ok("eth_getTransactionByHash", web3j.ethGetTransactionByHash(txHash).send()).getTransaction().isPresent();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    private static <R extends Response<?>> R ok(String what, R response) throws IOException {
        if (response.hasError()) {
            throw new IOException(what + ": " + response.getError().getMessage());
        }
        return response;
    }
}
