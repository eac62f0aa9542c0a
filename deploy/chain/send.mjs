// Moves the local USDT and the local chain for scripts (demo.sh, smoke.sh), from Anvil's unlocked dev
// accounts (never a key in this file). Token and node come from <state>/chain/31337.json (anvil.sh).
// Usage:
//   node send.mjs transfer <to> <amount USDT, e.g. 250.5> [fromAccountIndex=0]   prints the tx hash and block
//   node send.mjs mine <blocks>                                                     prints the new head
//   node send.mjs balance <address>                                                 prints USDT (6 decimals)
//   node send.mjs gas <address> [ETH=1]      tops the address's native coin (for gas) up to ETH from dev account 0;
//                                            prints its balance in ETH (whole units)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { call, here, receipt, rpc, useRpc } from './rpc.mjs';

const stateDir = resolve(process.env.C2C_STATE_DIR ?? join(here, '..', '..', '.local'));
const statePath = join(stateDir, 'chain', '31337.json');
if (!existsSync(statePath)) throw new Error(`${statePath} is missing: start the chain with deploy/local/anvil.sh start`);
const chain = JSON.parse(readFileSync(statePath, 'utf8'));
useRpc(chain.rpcUrl);

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const AMOUNT = /^\d{1,12}(\.\d{1,6})?$/;

function micros(amount) {
  if (!AMOUNT.test(amount)) throw new Error(`amount ${amount}: a USDT amount with at most 6 decimals`);
  const [whole, frac = ''] = amount.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
}

function usdt(m) {
  return `${m / 1_000_000n}.${(m % 1_000_000n).toString().padStart(6, '0')}`;
}

const [command, ...args] = process.argv.slice(2);
try {
switch (command) {
  case 'transfer': {
    const [to, amount, fromIndex = '0'] = args;
    if (!ADDRESS.test(to ?? '')) throw new Error(`to ${to}: 0x + 40 hex digits`);
    const accounts = await rpc('eth_accounts');
    const from = accounts[Number(fromIndex)];
    if (!from) throw new Error(`no dev account ${fromIndex}`);
    const tx = await rpc('eth_sendTransaction', [
      { from, to: chain.token, data: call('transfer(address,uint256)', BigInt(to), micros(amount)) },
    ]);
    const r = await receipt(tx);
    console.log(`${tx} ${Number(BigInt(r.blockNumber))}`);
    break;
  }
  case 'mine': {
    const blocks = Number(args[0] ?? '1');
    if (!Number.isInteger(blocks) || blocks < 1 || blocks > 10_000) throw new Error(`blocks ${args[0]}: 1..10000`);
    await rpc('anvil_mine', ['0x' + blocks.toString(16)]);
    console.log(Number(BigInt(await rpc('eth_blockNumber'))));
    break;
  }
  case 'balance': {
    const [address] = args;
    if (!ADDRESS.test(address ?? '')) throw new Error(`address ${address}: 0x + 40 hex digits`);
    console.log(usdt(BigInt(await rpc('eth_call', [{ to: chain.token, data: call('balanceOf(address)', BigInt(address)) }, 'latest']))));
    break;
  }
  case 'gas': {
    const [address, eth = '1'] = args;
    if (!ADDRESS.test(address ?? '')) throw new Error(`address ${address}: 0x + 40 hex digits`);
    if (!/^\d{1,6}$/.test(eth)) throw new Error(`ETH ${eth}: whole units, 0..999999`);
    const WEI = 10n ** 18n;
    const want = BigInt(eth) * WEI;
    let have = BigInt(await rpc('eth_getBalance', [address, 'latest']));
    if (have < want) {
      const [from] = await rpc('eth_accounts');
      await receipt(await rpc('eth_sendTransaction', [{ from, to: address, value: '0x' + (want - have).toString(16) }]));
      have = BigInt(await rpc('eth_getBalance', [address, 'latest']));
    }
    console.log((have / WEI).toString());
    break;
  }
  default:
    console.error('usage: node send.mjs transfer <to> <amount> [fromIndex] | mine <blocks> | balance <address> | gas <address> [ETH]');
    process.exit(2);
}
} catch (e) {
  console.error(`send.mjs ${command}: ${e.message}`);
  process.exit(1);
}
