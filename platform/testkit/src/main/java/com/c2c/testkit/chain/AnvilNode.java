package com.c2c.testkit.chain;

import static org.awaitility.Awaitility.await;

import com.c2c.testkit.LocalInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A private Anvil node for one test class: its own process (the project's pinned binary) on a free
 * port, chain id 31337, the standard dev accounts ({@link DevAccounts}), with the local USDT deployed
 * by dev account 0 (its owner) and {@link #DEV_SUPPLY_MICROS} issued to that account. Tests move
 * tokens, mine, snapshot and reorg it freely; {@link #close()} stops the process by its own handle.
 *
 * <pre>{@code
 * static AnvilNode chain;
 * @BeforeAll static void start() { chain = AnvilNode.start(); }
 * @AfterAll static void stop() { chain.close(); }
 * }</pre>
 */
public final class AnvilNode implements AutoCloseable {
    public static final long CHAIN_ID = 31337;
    /** 1,000,000,000 USDT in micro-units (6 decimals), issued to dev account 0 at start, as deploy/chain/deploy.mjs does. */
    public static final long DEV_SUPPLY_MICROS = 1_000_000_000L * 1_000_000L;
    static final String BINARY = "deploy/chain/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    // Fixed gas limits: estimating would refuse a transfer that reverts, and tests want it mined as failed.
    private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(3_000_000);
    private static final BigInteger CALL_GAS = BigInteger.valueOf(200_000);
    private static final BigInteger MAX_PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger MAX_FEE = BigInteger.valueOf(100_000_000_000L);

    private static boolean installed;

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpService rpc;
    private final Web3j web3j;
    private final Thread killOnExit;
    private String token;
    private long tokenDeployedAtBlock;

    private AnvilNode(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.rpc = new HttpService(rpcUrl());
        this.web3j = Web3j.build(rpc);
        // A test JVM that dies without @AfterAll must not leave a node behind; an attached node is not ours.
        this.killOnExit = process == null ? null : new Thread(process::destroyForcibly, "anvil-" + port + "-stop");
        if (killOnExit != null) {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        }
    }

    /**
     * The platform's own node, which {@code deploy/local/anvil.sh start} (so {@code up.sh}) started and recorded
     * in {@code .local/chain/31337.json} with its token: for end-to-end tests and tools that act on the running
     * platform's chain. {@link #close()} then only lets go of it; the node keeps running.
     */
    public static AnvilNode attach() {
        Path record = LocalInfra.repoRoot().resolve(".local/chain/" + CHAIN_ID + ".json");
        JsonNode chain;
        try {
            chain = new ObjectMapper().readTree(record.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + record + ": start the chain with deploy/local/up.sh", e);
        }
        URI url = URI.create(chain.path("rpcUrl").asText());
        AnvilNode node = new AnvilNode(null, null, url.getPort());
        node.token = chain.path("token").asText().toLowerCase(Locale.ROOT);
        node.tokenDeployedAtBlock = chain.path("deployedAtBlock").asLong();
        return node;
    }

    /**
     * Starts a node and deploys the token. The first call in a JVM runs {@code deploy/local/anvil.sh install}
     * (which installs Anvil and recompiles the token only when they are missing or stale), as the testkit
     * starts the other local servers with their scripts; failures name that command.
     */
    public static AnvilNode start() {
        installOnce();
        Path binary = LocalInfra.repoRoot().resolve(BINARY);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Anvil is not installed at " + binary + ": run deploy/local/anvil.sh install");
        }
        TokenArtifact artifact = TokenArtifact.load();
        Path log = logFile("anvil-");
        Process process;
        try {
            // Port 0: Anvil binds a free port itself and prints it, so parallel test JVMs cannot race for one.
            process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", "0",
                    "--chain-id", Long.toString(CHAIN_ID), "--accounts", Integer.toString(DevAccounts.COUNT))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + binary, e);
        }
        AnvilNode node;
        try {
            node = new AnvilNode(process, log, awaitPort(process, log));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        try {
            node.deployToken(artifact);
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The node's web3j client, for whatever this class does not wrap. */
    public Web3j web3j() {
        return web3j;
    }

    /** The local USDT's lower-case 0x address. */
    public String tokenAddress() {
        return token;
    }

    public long tokenDeployedAtBlock() {
        return tokenDeployedAtBlock;
    }

    /** The lower-case 0x address of dev account {@code index} (0..9); account 0 owns the token. */
    public String account(int index) {
        return DevAccounts.address(index);
    }

    public Credentials credentials(int index) {
        return DevAccounts.credentials(index);
    }

    /** Issues {@code micros} new tokens to {@code to} (owner only) and waits for the block; returns the tx hash. */
    public String mint(String to, long micros) {
        return awaitSuccess("issue", ownerCall("issue", new Address(to), amount(micros)));
    }

    /** Moves tokens from a dev account and waits for the block; throws {@link TransactionReverted} when it fails on chain. */
    public String transfer(int fromAccountIndex, String to, long micros) {
        return awaitSuccess("transfer", sendTransfer(fromAccountIndex, to, micros));
    }

    /** Submits a token transfer without waiting for it to be mined (for tests that mine by hand). */
    public String sendTransfer(int fromAccountIndex, String to, long micros) {
        return send(credentials(fromAccountIndex), token, encode("transfer", new Address(to), amount(micros)), CALL_GAS);
    }

    /** Freezes {@code address} in the token (owner only): transfers from or to it revert. */
    public String blacklist(String address) {
        return awaitSuccess("addBlackList", ownerCall("addBlackList", new Address(address)));
    }

    public String unblacklist(String address) {
        return awaitSuccess("removeBlackList", ownerCall("removeBlackList", new Address(address)));
    }

    /** The token balance of {@code address} in micro-units, at the latest block. */
    public long balanceOf(String address) {
        Function balanceOf = new Function("balanceOf", List.of(new Address(address)), List.of(new TypeReference<Uint256>() { }));
        String result = call(() -> web3j.ethCall(Transaction.createEthCallTransaction(account(0), token,
                FunctionEncoder.encode(balanceOf)), DefaultBlockParameterName.LATEST)).getValue();
        List<Type> decoded = FunctionReturnDecoder.decode(result, balanceOf.getOutputParameters());
        return ((BigInteger) decoded.getFirst().getValue()).longValueExact();
    }

    /** Waits (up to 30 s) for the transaction's receipt, whatever its status; the node must be mining. */
    public TransactionReceipt receipt(String txHash) {
        return await("receipt of " + txHash).atMost(RECEIPT_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> findReceipt(txHash), Optional::isPresent).orElseThrow();
    }

    public long blockNumber() {
        return call(web3j::ethBlockNumber).getBlockNumber().longValueExact();
    }

    /** The block at {@code number} without its transactions (hash, parent hash, timestamp...). */
    public EthBlock.Block block(long number) {
        EthBlock.Block block = call(() -> web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)).getBlock();
        if (block == null) {
            throw new IllegalStateException("no block " + number + " (head is " + blockNumber() + ")");
        }
        return block;
    }

    /** Mines {@code blocks} blocks at once, with whatever is pending in the first. */
    public void mine(int blocks) {
        rawRpc("anvil_mine", List.of(Numeric.encodeQuantity(BigInteger.valueOf(blocks))));
    }

    /** Saves the chain state; {@link #revert(String)} returns to it (once: the id is used up). */
    public String snapshot() {
        return (String) rawRpc("evm_snapshot", List.of());
    }

    public boolean revert(String snapshotId) {
        return Boolean.TRUE.equals(rawRpc("evm_revert", List.of(snapshotId)));
    }

    /**
     * Replaces the last {@code depth} blocks with as many new, empty ones: the height stays, the hashes
     * from {@code head - depth + 1} on change, and the transactions those blocks held are gone. Anvil
     * reports no {@code removed} logs, so this is what a watcher must notice by parent hashes.
     */
    public void reorg(int depth) {
        rawRpc("anvil_reorg", List.of(depth, List.of()));
    }

    /** Automine (the default) mines a block for every transaction; off, transactions wait for {@link #mine(int)} or the interval. */
    public void setAutomine(boolean on) {
        rawRpc("evm_setAutomine", List.of(on));
    }

    /** Mines a block every {@code seconds} (0 turns interval mining off). */
    public void setIntervalMining(int seconds) {
        rawRpc("evm_setIntervalMining", List.of(seconds));
    }

    public boolean isRunning() {
        return process == null || process.isAlive();
    }

    /** Stops the node by its own process handle (TERM, then KILL after 10 s); an attached node is left running. */
    @Override
    public void close() {
        web3j.shutdown();
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // The JVM is shutting down; the hook kills the process anyway.
        }
    }

    /**
     * Runs {@code deploy/local/anvil.sh install} once per JVM. Its output goes to a file, not to this
     * JVM's stdout, which Surefire uses as its channel to the forked test JVM.
     */
    private static synchronized void installOnce() {
        if (installed) {
            return;
        }
        Path script = LocalInfra.repoRoot().resolve("deploy/local/anvil.sh");
        Path out = logFile("anvil-install-");
        try {
            Process install = new ProcessBuilder("bash", script.toString(), "install")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!install.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException(script + " install did not finish within " + INSTALL_TIMEOUT + ":\n" + read(out));
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/anvil.sh install failed (exit " + install.exitValue()
                        + "; it needs node and npm):\n" + read(out));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + " install", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script + " install", e);
        }
        installed = true;
    }

    private void deployToken(TokenArtifact artifact) {
        TransactionReceipt deployed = receipt(send(credentials(0), "", artifact.bytecode(), DEPLOY_GAS));
        if (!deployed.isStatusOK()) {
            throw new TransactionReverted("token deployment", deployed);
        }
        token = deployed.getContractAddress();
        tokenDeployedAtBlock = deployed.getBlockNumber().longValueExact();
        String code = call(() -> web3j.ethGetCode(token, DefaultBlockParameterName.LATEST)).getCode();
        if (!code.equalsIgnoreCase(artifact.deployedBytecode())) {
            throw new IllegalStateException("the code at " + token + " is not the compiled token (solc " + artifact.solcVersion() + ")");
        }
        mint(account(0), DEV_SUPPLY_MICROS);
    }

    private String ownerCall(String function, Type<?>... args) {
        return send(credentials(0), token, encode(function, args), CALL_GAS);
    }

    private String awaitSuccess(String what, String txHash) {
        TransactionReceipt receipt = receipt(txHash);
        if (!receipt.isStatusOK()) {
            throw new TransactionReverted(what, receipt);
        }
        return txHash;
    }

    /** Signs an EIP-1559 transaction with the sender's key (next pending nonce) and submits it; returns its hash. */
    private String send(Credentials from, String to, String data, BigInteger gas) {
        BigInteger nonce = call(() -> web3j.ethGetTransactionCount(from.getAddress(), DefaultBlockParameterName.PENDING))
                .getTransactionCount();
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, nonce, gas, to, BigInteger.ZERO, data,
                MAX_PRIORITY_FEE, MAX_FEE);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, from));
        return call(() -> web3j.ethSendRawTransaction(signed)).getTransactionHash();
    }

    private Optional<TransactionReceipt> findReceipt(String txHash) {
        return call(() -> web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt();
    }

    private Object rawRpc(String method, List<?> params) {
        List<Object> args = new ArrayList<>(params);
        return call(() -> new Request<>(method, args, rpc, AnyResponse.class)).getResult();
    }

    /** The JSON-RPC response of a standard call, failing on transport errors and on JSON-RPC errors alike. */
    private <R extends Response<?>> R call(Supplier<Request<?, R>> request) {
        Request<?, R> r = request.get();
        R response;
        try {
            response = r.send();
        } catch (IOException e) {
            throw new IllegalStateException(r.getMethod() + " to " + rpcUrl() + " failed (node log " + log + ")", e);
        }
        if (response.hasError()) {
            throw new IllegalStateException(r.getMethod() + ": " + response.getError().getMessage());
        }
        return response;
    }

    private static String encode(String function, Type<?>... args) {
        return FunctionEncoder.encode(new Function(function, List.of(args), List.of()));
    }

    private static Uint256 amount(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + micros);
        }
        return new Uint256(micros);
    }

    private static int awaitPort(Process process, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String out = read(log);
            Matcher listening = LISTENING.matcher(out);
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited with " + process.exitValue() + " during startup:\n" + out);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting anvil", e);
            }
        }
        throw new IllegalStateException("anvil did not report its port within " + START_TIMEOUT + " (log " + log + ")");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** target/<prefix>*.log in the module being tested (kept for a failed run), else a temporary file. */
    private static Path logFile(String prefix) {
        try {
            Path target = Path.of("target");
            return Files.isDirectory(target) ? Files.createTempFile(target, prefix, ".log")
                    : Files.createTempFile(prefix, ".log");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a log file for anvil", e);
        }
    }

    /** A JSON-RPC result of any shape (Anvil's own methods answer null, a quantity or a boolean). */
    public static final class AnyResponse extends Response<Object> {
    }
}
