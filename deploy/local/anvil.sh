#!/usr/bin/env bash
# Anvil (local EVM chain, npm @foundry-rs/anvil pinned in deploy/chain/package.json) on
# 127.0.0.1:8545, chain id 31337, default dev mnemonic, automine. The chain (blocks, hashes, balances) is
# kept across restarts in $STATE/chain/anvil-state.json, written every 10 s and at a graceful stop, so the
# services' databases (deposits credited, chain-watcher's cursor and block hashes) keep describing the chain
# they run against; deleting that file starts a new chain, and so does a new Kafka log (follow_broker below).
# Every start makes sure the local USDT is deployed (deploy/chain/deploy.mjs, from dev account 0) and records
# it in $STATE/chain/31337.json (on a new chain always at the same address: the deployer's first transaction).
# Usage: anvil.sh install | start | stop | status
#   install: npm ci (Anvil, solc) and compile the token to deploy/chain/build/ (tests need the artifact)
# C2C_ANVIL_PORT moves the node off 8545 (to try the scripts next to a running platform).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${C2C_ANVIL_PORT:-8545}"
CHAIN_ID=31337
CHAIN_DIR="$ROOT/deploy/chain"
# The platform package ships the binary; running it directly makes the recorded PID the chain's
# (the package's bin.mjs would be a node wrapper around it).
ANVIL_BIN="$CHAIN_DIR/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
SOLC_PKG="$CHAIN_DIR/node_modules/solc/package.json"
ARTIFACT="$CHAIN_DIR/build/TetherToken.json"
LOG="$LOGS/anvil.log"
RPC="http://127.0.0.1:$PORT"
# The chain's state file and the Kafka log it was built beside (follow_broker); a moved node keeps its own.
CHAIN_STATE="$STATE/chain/anvil-state${C2C_ANVIL_PORT:+-$PORT}.json"
CHAIN_MARK="$STATE/chain/kafka-log${C2C_ANVIL_PORT:+-$PORT}"

# ensure_installed: npm ci from the lockfile, then the token's artifact, each only when missing (or
# when the contract or compile script is newer than the artifact).
# --ignore-scripts because Anvil's postinstall only fetches the binary when the platform package is
# missing, which we treat as an error instead.
ensure_installed() {
  command -v node >/dev/null || die "node (>= 18) is needed for deploy/chain (apt-get install nodejs npm)"
  if [ ! -x "$ANVIL_BIN" ] || [ ! -f "$SOLC_PKG" ]; then
    [ "$(uname -sm)" = "Linux x86_64" ] || die "anvil.sh runs the linux-amd64 binary; this is $(uname -sm)"
    step "installing Anvil and solc from deploy/chain/package-lock.json (npm ci)"
    (cd "$CHAIN_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    [ -x "$ANVIL_BIN" ] || die "npm ci finished but $ANVIL_BIN is missing"
  fi
  if [ ! -f "$ARTIFACT" ] || [ "$CHAIN_DIR/contracts/TetherToken.sol" -nt "$ARTIFACT" ] \
     || [ "$CHAIN_DIR/compile.mjs" -nt "$ARTIFACT" ] || [ "$SOLC_PKG" -nt "$ARTIFACT" ]; then
    step "compiling the local USDT (deploy/chain/compile.mjs)"
    (cd "$CHAIN_DIR" && node compile.mjs)
  fi
}

install() {
  ensure_installed
  step "anvil installed: $ANVIL_BIN, token artifact $ARTIFACT"
}

# deploy_token: the node starts empty, so the token goes on it at every start (deploy.mjs does nothing
# when the token it recorded is already there).
deploy_token() {
  step "deploying the local USDT from dev account 0 (deploy/chain/deploy.mjs)"
  node "$CHAIN_DIR/deploy.mjs" "$RPC" "$STATE" | sed 's/^/  /'
}

# chain_id_ok: the JSON-RPC answers eth_chainId with our chain id.
chain_id_ok() {
  curl -fsS --max-time 2 -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$RPC" \
    | grep -q "\"result\":\"$(printf '0x%x' "$CHAIN_ID")\""
}

# follow_broker: the chain belongs with the services' databases, which are recreated empty when the Kafka log
# changes (services.sh). Kept across that, the old chain's transfers to deposit addresses would be credited again
# to whoever the fresh wallet database hands the same addresses to; so a chain marked with another log starts
# afresh (its state file and the token record removed; the token is deployed again below). An unmarked chain
# (an older checkout) is marked as it is.
follow_broker() {
  local cid
  cid=$(kafka_log_id) || return 0
  if [ -f "$CHAIN_STATE" ] && [ -f "$CHAIN_MARK" ] && [ "$(cat "$CHAIN_MARK")" != "$cid" ]; then
    step "starting a new chain: $CHAIN_STATE was built beside another Kafka log ($(cat "$CHAIN_MARK")), this broker has $cid"
    rm -f "$CHAIN_STATE" "$STATE/chain/$CHAIN_ID.json"
  fi
  echo "$cid" > "$CHAIN_MARK"
}

start() {
  ensure_installed
  if pid_alive anvil; then
    step "anvil already running (pid $(pid_of anvil))"
  else
    require_free_port anvil "$PORT"
    mkdir -p "$STATE/chain"
    follow_broker
    step "starting anvil on $RPC, chain id $CHAIN_ID (log $LOG)"
    start_bg anvil "$LOG" "$ANVIL_BIN" --host 127.0.0.1 --port "$PORT" --chain-id "$CHAIN_ID" \
      --state "$CHAIN_STATE" --state-interval 10
  fi
  wait_ready anvil 30 "$LOG" chain_id_ok
  step "anvil ready on $RPC (pid $(pid_of anvil))"
  deploy_token
}

stop() { stop_server anvil 10; }

status() { server_status anvil "$PORT" "$LOG"; }

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 install | start | stop | status" >&2; exit 2 ;;
esac
