// The JSON-RPC plumbing the chain scripts share (deploy.mjs, send.mjs): plain fetch, no npm dependency.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export let rpcUrl = 'http://127.0.0.1:8545';
export function useRpc(url) { rpcUrl = url; }
const RECEIPT_TIMEOUT_MS = 30_000;

const artifactPath = join(here, 'build', 'TetherToken.json');
if (!existsSync(artifactPath)) {
  throw new Error(`${artifactPath} is missing: run deploy/local/anvil.sh install (npm ci + node compile.mjs)`);
}
export const artifact = JSON.parse(readFileSync(artifactPath, 'utf8'));

let nextId = 1;
export async function rpc(method, params = []) {
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

export async function receipt(txHash) {
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

export function call(signature, ...words) {
  const selector = artifact.methodIdentifiers[signature];
  if (!selector) throw new Error(`${signature} is not in the artifact`);
  return '0x' + selector + words.map((w) => w.toString(16).padStart(64, '0')).join('');
}

