#!/usr/bin/env bash
# Anvil (local EVM chain, npm @foundry-rs/anvil pinned in deploy/chain/package.json) on
# 127.0.0.1:8545, chain id 31337, default dev mnemonic, automine. State is not kept across restarts.
# Usage: anvil.sh start | stop | status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=8545
CHAIN_ID=31337
CHAIN_DIR="$ROOT/deploy/chain"
# The platform package ships the binary; running it directly makes the recorded PID the chain's
# (the package's bin.mjs would be a node wrapper around it).
ANVIL_BIN="$CHAIN_DIR/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
LOG="$LOGS/anvil.log"
RPC="http://127.0.0.1:$PORT"

# ensure_installed: npm ci from the lockfile. --ignore-scripts because the package's postinstall only
# fetches the binary when the platform package is missing, which we treat as an error instead.
ensure_installed() {
  [ -x "$ANVIL_BIN" ] && return 0
  [ "$(uname -sm)" = "Linux x86_64" ] || die "anvil.sh runs the linux-amd64 binary; this is $(uname -sm)"
  step "installing Anvil from deploy/chain/package-lock.json (npm ci)"
  (cd "$CHAIN_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  [ -x "$ANVIL_BIN" ] || die "npm ci finished but $ANVIL_BIN is missing"
}

# chain_id_ok: the JSON-RPC answers eth_chainId with our chain id.
chain_id_ok() {
  curl -fsS --max-time 2 -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$RPC" \
    | grep -q "\"result\":\"$(printf '0x%x' "$CHAIN_ID")\""
}

start() {
  if pid_alive anvil; then
    step "anvil already running (pid $(pid_of anvil))"
  else
    require_free_port anvil "$PORT"
    ensure_installed
    step "starting anvil on $RPC, chain id $CHAIN_ID (log $LOG)"
    start_bg anvil "$LOG" "$ANVIL_BIN" --host 127.0.0.1 --port "$PORT" --chain-id "$CHAIN_ID"
  fi
  wait_ready anvil 30 "$LOG" chain_id_ok
  step "anvil ready on $RPC (pid $(pid_of anvil))"
}

stop() { stop_server anvil 10; }

status() { server_status anvil "$PORT" "$LOG"; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start | stop | status" >&2; exit 2 ;;
esac
