// Deploys the local USDT (build/TetherToken.json) to a dev node from its account 0, which becomes the
// token's owner and gets the dev supply, and writes <state>/chain/<chainId>.json: {chainId, rpcUrl,
// token, owner, deployedAtBlock}. Anvil keeps no state across restarts, so deploy/local/anvil.sh start
// runs this every time; when the recorded token is already on the node (a start against a running
// node) nothing is sent. Plain JSON-RPC: Anvil's dev accounts are unlocked, so eth_sendTransaction
// needs no key here.
// Usage: node deploy.mjs [rpcUrl] [stateDir]   (defaults http://127.0.0.1:8545, <repo>/.local)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rpcUrl = process.argv[2] ?? 'http://127.0.0.1:8545';
const stateDir = resolve(process.argv[3] ?? process.env.C2C_STATE_DIR ?? join(here, '..', '..', '.local'));
// 1,000,000,000 USDT in micro-units (6 decimals): plenty to fund every test and demo account.
const DEV_SUPPLY_MICROS = 1_000_000_000n * 1_000_000n;
const RECEIPT_TIMEOUT_MS = 30_000;

const artifactPath = join(here, 'build', 'TetherToken.json');
if (!existsSync(artifactPath)) {
  throw new Error(`${artifactPath} is missing: run deploy/local/anvil.sh install (npm ci + node compile.mjs)`);
}
const artifact = JSON.parse(readFileSync(artifactPath, 'utf8'));

let nextId = 1;
async function rpc(method, params = []) {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status}`);
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function receipt(txHash) {
  const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
  for (;;) {
    const r = await rpc('eth_getTransactionReceipt', [txHash]);
    if (r) {
      if (r.status !== '0x1') throw new Error(`transaction ${txHash} reverted`);
      return r;
    }
    if (Date.now() > deadline) throw new Error(`no receipt for ${txHash} after ${RECEIPT_TIMEOUT_MS} ms (is the node mining?)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function call(signature, ...words) {
  const selector = artifact.methodIdentifiers[signature];
  if (!selector) throw new Error(`${signature} is not in the artifact`);
  return '0x' + selector + words.map((w) => w.toString(16).padStart(64, '0')).join('');
}

const chainId = Number(BigInt(await rpc('eth_chainId')));
const statePath = join(stateDir, 'chain', `${chainId}.json`);
const [owner] = await rpc('eth_accounts');
if (!owner) throw new Error(`${rpcUrl} has no unlocked account to deploy from`);

if (existsSync(statePath)) {
  const recorded = JSON.parse(readFileSync(statePath, 'utf8'));
  const code = await rpc('eth_getCode', [recorded.token, 'latest']);
  if (code.toLowerCase() === artifact.deployedBytecode.toLowerCase()) {
    console.log(`token already deployed at ${recorded.token} (block ${recorded.deployedAtBlock}); ${statePath} kept`);
    process.exit(0);
  }
}

const nonce = await rpc('eth_getTransactionCount', [owner, 'latest']);
const deployTx = await rpc('eth_sendTransaction', [{ from: owner, data: artifact.bytecode }]);
const deployed = await receipt(deployTx);
const token = deployed.contractAddress;
const deployedAtBlock = Number(BigInt(deployed.blockNumber));

const ownerWord = BigInt(owner);
await receipt(await rpc('eth_sendTransaction', [
  { from: owner, to: token, data: call('issue(address,uint256)', ownerWord, DEV_SUPPLY_MICROS) },
]));
const balance = BigInt(await rpc('eth_call', [{ to: token, data: call('balanceOf(address)', ownerWord) }, 'latest']));
if (balance < DEV_SUPPLY_MICROS) throw new Error(`owner balance ${balance} after issuing ${DEV_SUPPLY_MICROS}`);

mkdirSync(dirname(statePath), { recursive: true });
writeFileSync(statePath, JSON.stringify({ chainId, rpcUrl, token, owner, deployedAtBlock }, null, 2) + '\n');
console.log(`token deployed at ${token} (block ${deployedAtBlock}, deployer nonce ${Number(BigInt(nonce))}); `
  + `${DEV_SUPPLY_MICROS / 1_000_000n} USDT issued to ${owner}; wrote ${statePath}`);
