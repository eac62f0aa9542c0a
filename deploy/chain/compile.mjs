// Compiles contracts/TetherToken.sol with the solc package pinned in package.json (its bundled
// compiler; never a downloaded one) and writes build/TetherToken.json: {contract, solcVersion, abi,
// bytecode, deployedBytecode, methodIdentifiers}. The build directory is generated (git-ignored): deploy/local/anvil.sh
// install runs this, and everything that deploys the token (deploy.mjs, the Java testkit) reads it.
// Usage: node compile.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const EXPECTED_SOLC = '0.8.28';
const here = dirname(fileURLToPath(import.meta.url));
const source = 'TetherToken.sol';
const contract = 'TetherToken';

const version = solc.version();
if (!version.startsWith(EXPECTED_SOLC + '+')) {
  throw new Error(`solc ${version} is installed, expected ${EXPECTED_SOLC} (run npm ci in deploy/chain)`);
}

const input = {
  language: 'Solidity',
  sources: { [source]: { content: readFileSync(join(here, 'contracts', source), 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    // Pinned so the bytecode does not change with the compiler's default target.
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const problems = output.errors ?? [];
for (const p of problems) console.error(p.formattedMessage);
if (problems.some((p) => p.severity === 'error')) process.exit(1);

const compiled = output.contracts[source][contract];
const artifact = {
  contract,
  solcVersion: version,
  abi: compiled.abi,
  bytecode: '0x' + compiled.evm.bytecode.object,
  deployedBytecode: '0x' + compiled.evm.deployedBytecode.object,
  // Function signature -> 4-byte selector, so callers without a Keccak library can encode calls.
  methodIdentifiers: compiled.evm.methodIdentifiers,
};
mkdirSync(join(here, 'build'), { recursive: true });
const out = join(here, 'build', `${contract}.json`);
writeFileSync(out, JSON.stringify(artifact, null, 2) + '\n');
console.log(`compiled ${contract} with solc ${version} -> ${out} (${(compiled.evm.bytecode.object.length / 2)} bytes)`);
