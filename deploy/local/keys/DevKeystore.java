// Writes an encrypted JSON keystore (web3j / geth format) of one key of Anvil's public development mnemonic, by its
// BIP-32 path: the local hot wallet (m/44'/60'/0'/0/9) or the local deposit account (m/44'/60'/1', whose xpub is the
// wallet's default c2c.wallet.deposit.xpub). For local use only, never for a key that holds value anywhere.
// Run by deploy/local/keys.sh as a single-file program with wallet-service's built jars on the class path.
// Usage: java -cp '<wallet-service>/target/quarkus-app/lib/main/*' DevKeystore.java <path> <keystore> <password file>
// Prints the key's address; the key itself is never printed.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.protocol.ObjectMapperFactory;

public class DevKeystore {
    private static final String ANVIL_DEV_MNEMONIC = "test test test test test test test test test test test junk";

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[0].startsWith("m/")) {
            throw new IllegalArgumentException("usage: DevKeystore <path, e.g. m/44'/60'/1'> <keystore> <password file>");
        }
        int[] path = Arrays.stream(args[0].substring(2).split("/")).mapToInt(step -> step.endsWith("'")
                ? Integer.parseInt(step.substring(0, step.length() - 1)) | Bip32ECKeyPair.HARDENED_BIT
                : Integer.parseInt(step)).toArray();
        Path keystore = Path.of(args[1]);
        String password = Files.readAllLines(Path.of(args[2])).getFirst();
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(ANVIL_DEV_MNEMONIC, ""));
        Bip32ECKeyPair key = Bip32ECKeyPair.deriveKeyPair(master, path);
        // Light scrypt (N = 4096): the local service runs with a small heap; production keystores use the standard one.
        WalletFile wallet = Wallet.createLight(password, key);
        Path partial = keystore.resolveSibling(keystore.getFileName() + ".partial");
        ObjectMapperFactory.getObjectMapper().writeValue(partial.toFile(), wallet);
        Files.move(partial, keystore);
        System.out.println(Credentials.create(key).getAddress());
    }
}
