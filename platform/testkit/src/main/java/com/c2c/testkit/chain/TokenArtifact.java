package com.c2c.testkit.chain;

import com.c2c.testkit.LocalInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local USDT as deploy/chain/compile.mjs leaves it in deploy/chain/build/TetherToken.json. The
 * build directory is generated, so a fresh clone needs {@code deploy/local/anvil.sh install} first.
 */
record TokenArtifact(String solcVersion, String bytecode, String deployedBytecode) {
    static final String PATH = "deploy/chain/build/TetherToken.json";

    static TokenArtifact load() {
        Path file = LocalInfra.repoRoot().resolve(PATH);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run deploy/local/anvil.sh install "
                    + "(installs Anvil and solc, compiles the token)");
        }
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            return new TokenArtifact(json.path("solcVersion").asText(), json.path("bytecode").asText(),
                    json.path("deployedBytecode").asText());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
