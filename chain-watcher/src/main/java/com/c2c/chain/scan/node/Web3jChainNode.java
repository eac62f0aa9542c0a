package com.c2c.chain.scan.node;

import com.c2c.chain.scan.domain.BlockRef;
import com.c2c.chain.scan.domain.TokenTransfer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/** A node reached over JSON-RPC/HTTP with web3j. */
public final class Web3jChainNode implements ChainNode {
    private final Web3j web3j;
    private final String tokenContract;

    public Web3jChainNode(String rpcUrl, String tokenContract) {
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.tokenContract = tokenContract.toLowerCase(Locale.ROOT);
    }

    @Override
    public long head() throws IOException {
        var answer = web3j.ethBlockNumber().send();
        if (answer.hasError()) {
            throw new IOException("eth_blockNumber: " + answer.getError().getMessage());
        }
        return answer.getBlockNumber().longValueExact();
    }

    @Override
    public BlockRef block(long number) throws IOException {
        EthBlock answer = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                .send();
        if (answer.hasError()) {
            throw new IOException("eth_getBlockByNumber " + number + ": " + answer.getError().getMessage());
        }
        EthBlock.Block block = answer.getBlock();
        return block == null ? null
                : new BlockRef(number, block.getHash().toLowerCase(Locale.ROOT), block.getParentHash().toLowerCase(Locale.ROOT));
    }

    @Override
    public List<TokenTransfer> transfers(long from, long to) throws IOException {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), tokenContract);
        filter.addSingleTopic(TokenTransfer.TOPIC);
        return logs(filter, from, to);
    }

    /** Topics: Transfer, any sender, one of the recipients (each a 32-byte word, the address in its last 20). */
    @Override
    public List<TokenTransfer> transfersTo(long from, long to, Collection<String> recipients) throws IOException {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), tokenContract);
        filter.addSingleTopic(TokenTransfer.TOPIC);
        filter.addNullTopic();
        filter.addOptionalTopics(recipients.stream()
                .map(address -> "0x" + "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT))
                .toArray(String[]::new));
        Set<String> wanted = Set.copyOf(recipients);
        return logs(filter, from, to).stream().filter(t -> wanted.contains(t.to())).toList();
    }

    private List<TokenTransfer> logs(EthFilter filter, long from, long to) throws IOException {
        EthLog answer = web3j.ethGetLogs(filter).send();
        if (answer.hasError()) {
            throw new RangeRefused("eth_getLogs " + from + ".." + to + ": " + answer.getError().getMessage());
        }
        List<TokenTransfer> transfers = new ArrayList<>();
        for (EthLog.LogResult<?> result : answer.getLogs()) {
            if (!(result instanceof EthLog.LogObject log)) {
                continue; // a hash-only answer belongs to filters this scanner never installs
            }
            TokenTransfer transfer = read(log);
            if (transfer != null) {
                transfers.add(transfer);
            }
        }
        return transfers;
    }

    private TokenTransfer read(Log log) {
        if (log.isRemoved() || log.getBlockNumber() == null || log.getBlockHash() == null
                || log.getTransactionHash() == null || log.getLogIndex() == null) {
            return null; // pending or removed: the scanner reads mined blocks and finds reorgs by hash
        }
        return TokenTransfer.read(tokenContract, log.getAddress(), log.getTopics(), log.getData(),
                log.getTransactionHash(), log.getLogIndex().longValueExact(), log.getBlockNumber().longValueExact(),
                log.getBlockHash());
    }

    @Override
    public Receipt receipt(String txHash) throws IOException {
        EthGetTransactionReceipt answer = web3j.ethGetTransactionReceipt(txHash).send();
        if (answer.hasError()) {
            throw new IOException("eth_getTransactionReceipt " + txHash + ": " + answer.getError().getMessage());
        }
        TransactionReceipt receipt = answer.getTransactionReceipt().orElse(null);
        if (receipt == null || receipt.getBlockNumberRaw() == null || receipt.getBlockHash() == null) {
            return null;
        }
        return new Receipt(receipt.getBlockNumber().longValueExact(), receipt.getBlockHash().toLowerCase(Locale.ROOT),
                receipt.isStatusOK());
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
