// Writes the local hot wallet's encrypted JSON keystore (web3j / geth format) from Anvil's public development
// mnemonic, account m/44'/60'/0'/0/<index>: for local use only, never for a key that holds value anywhere.
// Run by deploy/local/keys.sh as a single-file program with wallet-service's built jars on the class path.
// Usage: java -cp '<wallet-service>/target/quarkus-app/lib/main/*' HotWalletKeystore.java <index> <keystore> <password file>
// Prints the address; the key itself is never printed.
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.protocol.ObjectMapperFactory;

public class HotWalletKeystore {
    private static final String ANVIL_DEV_MNEMONIC = "test test test test test test test test test test test junk";

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: HotWalletKeystore <dev account index> <keystore> <password file>");
        }
        int index = Integer.parseInt(args[0]);
        Path keystore = Path.of(args[1]);
        String password = Files.readAllLines(Path.of(args[2])).getFirst();
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(ANVIL_DEV_MNEMONIC, ""));
        Bip32ECKeyPair key = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | hardened, 60 | hardened, hardened, 0, index});
        // Light scrypt (N = 4096): the local service runs with a small heap; production keystores use the standard one.
        WalletFile wallet = Wallet.createLight(password, key);
        Path partial = keystore.resolveSibling(keystore.getFileName() + ".partial");
        ObjectMapperFactory.getObjectMapper().writeValue(partial.toFile(), wallet);
        Files.move(partial, keystore);
        System.out.println(Credentials.create(key).getAddress());
    }
}
