package com.c2c.wallet.custody.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * Reads a token's balances from one EVM node (web3j over HTTP, blocking: call it from a worker thread). Every
 * call has a deadline (the {@link #http(Duration)} client's: connect, read and the whole call), so a node that does
 * not answer fails the read instead of holding it; balances are read at one block, so they add up to one moment of
 * the chain. Holds nothing of its own: the HTTP client and web3j's scheduler are the caller's, shared and closed by it
 * (web3j's default scheduler would be a new thread pool and shutdown hook per reader).
 */
public final class ChainBalances {
    private final Web3j web3j;
    private final String token;

    public ChainBalances(String rpcUrl, String token, OkHttpClient http, ScheduledExecutorService scheduler) {
        this.web3j = Web3j.build(new HttpService(rpcUrl, http), POLLING_UNUSED_MS, scheduler);
        this.token = token;
    }

    /** web3j polls only for filters and receipts, which these reads never use. */
    private static final long POLLING_UNUSED_MS = 15_000;

    /** An HTTP client whose every call gives up after {@code timeout}. */
    public static OkHttpClient http(Duration timeout) {
        return new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .callTimeout(timeout).retryOnConnectionFailure(false).build();
    }

    /** The block the reads are made at: the node's latest. */
    public long latestBlock() throws IOException {
        return send("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    /** The native coin (gas) of {@code address} at {@code block}, in wei. */
    public BigInteger nativeBalance(String address, long block) throws IOException {
        return send("eth_getBalance", web3j.ethGetBalance(address, at(block))).getBalance();
    }

    /** {@code balanceOf} of each address at {@code block}, in the token's base units, in one JSON-RPC batch. */
    public List<BigInteger> tokenBalances(List<String> addresses, long block) throws IOException {
        if (addresses.isEmpty()) {
            return List.of();
        }
        BatchRequest batch = web3j.newBatch();
        for (String address : addresses) {
            batch.add(web3j.ethCall(Transaction.createEthCallTransaction(null, token,
                    FunctionEncoder.encode(balanceOf(address))), at(block)));
        }
        BatchResponse answer;
        try {
            answer = batch.send();
        } catch (ClientConnectionException e) { // web3j's word for an HTTP error status
            throw new IOException(e.getMessage(), e);
        }
        List<? extends Response<?>> responses = answer.getResponses();
        if (responses.size() != addresses.size()) {
            throw new IOException("the node answered " + responses.size() + " of " + addresses.size() + " balanceOf calls");
        }
        List<BigInteger> balances = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            // a batch's answers come in the order of its requests (web3j matches them by id)
            EthCall call = ok("balanceOf " + addresses.get(i), (EthCall) responses.get(i));
            List<Type> decoded = FunctionReturnDecoder.decode(call.getValue(), balanceOf(addresses.get(i)).getOutputParameters());
            if (decoded.isEmpty()) {
                throw new IOException("the token " + token + " answered balanceOf(" + addresses.get(i) + ") with nothing ("
                        + call.getValue() + ")");
            }
            balances.add((BigInteger) decoded.getFirst().getValue());
        }
        return balances;
    }

    private static Function balanceOf(String address) {
        return new Function("balanceOf", List.of(new Address(address)), List.of(new TypeReference<Uint256>() { }));
    }

    private static DefaultBlockParameter at(long block) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    }

    /** Sends one call; web3j's HTTP-status failure (a RuntimeException) is an IOException like the others. */
    private static <R extends Response<?>> R send(String what, Request<?, R> request) throws IOException {
        try {
            return ok(what, request.send());
        } catch (ClientConnectionException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    private static <R extends Response<?>> R ok(String what, R response) throws IOException {
        if (response.hasError()) {
            throw new IOException(what + ": " + response.getError().getMessage());
        }
        return response;
    }
}
