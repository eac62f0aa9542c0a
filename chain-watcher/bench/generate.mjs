// Builds the chain the catch-up bench scans: deploys the local USDT on a fresh dev node (deploy/chain's
// artifact, from dev account 0), then mines <blocks> blocks holding <transfers> token transfers spread
// evenly over them, each to one of <addresses> deposit addresses (0xbe4c..., deterministic, never a real
// account). Writes <out>: {token, deployedAtBlock, head, blocks, transfers, addresses[], totalMicros}.
//
// Fast because the node does not mine on its own (the caller starts Anvil with --no-mining): each block's
// transfers go to the node in ONE JSON-RPC batch of eth_sendTransaction, then evm_mine seals them; the next
// block's batch is only sent once the previous block is mined, so the batches never race each other.
// Anvil's dev accounts are unlocked, so no key is involved (as in deploy.mjs).
// Usage: node generate.mjs <rpcUrl> <blocks> <transfers> <addresses> <out.json>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [rpcUrl, blocksArg, transfersArg, addressesArg, out] = process.argv.slice(2);
const blocks = Number(blocksArg);
const transfers = Number(transfersArg);
const addressCount = Number(addressesArg);
if (!rpcUrl || !out || ![blocks, transfers, addressCount].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node generate.mjs <rpcUrl> <blocks> <transfers> <addresses> <out.json>');
  process.exit(2);
}

// deploy/chain/rpc.mjs holds the artifact and the plumbing; its default node is replaced by ours.
const here = new URL('.', import.meta.url).pathname;
const chainLib = await import(pathToFileURL(join(here, '..', '..', 'deploy', 'chain', 'rpc.mjs')).href);
const { artifact, call, rpc, useRpc } = chainLib;
useRpc(rpcUrl);

let nextId = 1;
/** One HTTP request carrying many calls; fails on any error answer. */
async function batch(calls) {
  const body = calls.map(([method, params]) => ({ jsonrpc: '2.0', id: nextId++, method, params }));
  const response = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`batch: HTTP ${response.status}`);
  const answers = await response.json();
  for (const a of answers) if (a.error) throw new Error(`batch: ${a.error.message}`);
  return answers.map((a) => a.result);
}

async function minedReceipt(tx) {
  await rpc('evm_mine');
  const r = await rpc('eth_getTransactionReceipt', [tx]);
  if (!r || r.status !== '0x1') throw new Error(`transaction ${tx} not mined or reverted`);
  return r;
}

const started = Date.now();
const [owner] = await rpc('eth_accounts');
const deployed = await minedReceipt(await rpc('eth_sendTransaction', [{ from: owner, data: artifact.bytecode }]));
const token = deployed.contractAddress;
const deployedAtBlock = Number(BigInt(deployed.blockNumber));
const supply = 1_000_000_000n * 1_000_000n;
await minedReceipt(await rpc('eth_sendTransaction', [{ from: owner, to: token, data: call('issue(address,uint256)', BigInt(owner), supply) }]));

// Deposit addresses: 0xbe4c followed by the index, 40 hex digits in all.
const addresses = Array.from({ length: addressCount }, (_, i) => '0xbe4c' + i.toString(16).padStart(36, '0'));
const gas = '0x' + (80_000).toString(16); // a transfer needs ~35k; fixed so the node skips estimating
let sent = 0;
let totalMicros = 0n;
let lastReport = Date.now();
for (let b = 0; b < blocks; b++) {
  // transfers spread evenly: block b holds the ones whose index falls in its share
  const upTo = Math.floor(((b + 1) * transfers) / blocks);
  const calls = [];
  for (; sent < upTo; sent++) {
    const micros = 1_000_000n + BigInt(sent); // distinct amounts: a lost or doubled deposit changes the sum
    totalMicros += micros;
    const to = BigInt(addresses[sent % addressCount]);
    calls.push(['eth_sendTransaction', [{ from: owner, to: token, gas, data: call('transfer(address,uint256)', to, micros) }]]);
  }
  if (calls.length > 0) await batch(calls);
  await rpc('evm_mine');
  if (Date.now() - lastReport > 5000) {
    console.log(`  generated ${b + 1}/${blocks} blocks, ${sent} transfers (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    lastReport = Date.now();
  }
}

// Every transfer must have been mined (a dropped one would make the bench count wrong, not the watcher).
const head = Number(BigInt(await rpc('eth_blockNumber')));
const pending = await rpc('eth_getBlockByNumber', ['pending', false]).catch(() => null);
if (pending && pending.transactions && pending.transactions.length > 0) {
  throw new Error(`${pending.transactions.length} transfers still pending after mining`);
}
const logs = await rpc('eth_getLogs', [{ fromBlock: '0x' + (deployedAtBlock + 2).toString(16), toBlock: 'latest', address: token }]);
if (logs.length !== transfers) throw new Error(`the node holds ${logs.length} Transfer logs, ${transfers} were sent`);

const seconds = (Date.now() - started) / 1000;
writeFileSync(out, JSON.stringify({ token, deployedAtBlock, head, blocks, transfers, addresses, totalMicros: totalMicros.toString() }, null, 2) + '\n');
console.log(`generated ${transfers} transfers to ${addressCount} addresses in ${blocks} blocks (head ${head}) in ${seconds.toFixed(1)} s`
  + ` (${Math.round(transfers / seconds)} transfers/s); token ${token}`);
