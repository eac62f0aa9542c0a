package com.c2c.wallet.custody.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.http.HttpService;

/**
 * Reads a token's balances from one EVM node (web3j over HTTP, blocking: call it from a worker thread). Every
 * call has a deadline ({@code timeout}: connect, read and the whole call), so a node that does not answer fails
 * the read instead of holding it; balances are read at one block, so they add up to one moment of the chain.
 */
public final class ChainBalances implements AutoCloseable {
    private final Web3j web3j;
    private final String token;

    public ChainBalances(String rpcUrl, String token, Duration timeout) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout)
                .writeTimeout(timeout).callTimeout(timeout).build();
        this.web3j = Web3j.build(new HttpService(rpcUrl, http));
        this.token = token;
    }

    /** The block the reads are made at: the node's latest. */
    public long latestBlock() throws IOException {
        return ok("eth_blockNumber", web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
    }

    /** The native coin (gas) of {@code address} at {@code block}, in wei. */
    public BigInteger nativeBalance(String address, long block) throws IOException {
        return ok("eth_getBalance", web3j.ethGetBalance(address, at(block)).send()).getBalance();
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
        BatchResponse answer = batch.send();
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
