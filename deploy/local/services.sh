#!/usr/bin/env bash
# The five platform services as local processes: deploy/local/services.sh start|stop|status [service|instance...]
# Each runs its Quarkus fast-jar (built by up.sh) with its log under the state folder.
#
# Replicas (ADR 0015, ADR 0017): C2C_REPLICAS=N (1-3, default 1) starts N instances of every service. The first
# keeps the service's name, port, PID file and log; instance n is named <service>-n and listens on the service's
# port + 10*(n-1) (wallet-service-2 on 8093). Consumers join the same consumer groups under their own static member
# ids and share the partitions; the matching engine is one writer (ADR 0004), so one matching-service instance
# leads and the others stand by, warm, to take over when it dies (readiness says STANDBY, which counts as started
# here). The gateway spreads each service's calls over the instances services.sh recorded (gateway.sh), and sends
# matching calls only to the one that is ready. Naming a service starts or stops all its instances; naming an
# instance, only that one.
source "$(dirname "$0")/lib.sh"

ALL_SERVICES="order-service matching-service wallet-service escrow-service chain-watcher"
declare -A PORT=([order-service]=8081 [matching-service]=8082 [wallet-service]=8083 [escrow-service]=8084 [chain-watcher]=8085)
REPLICAS="${C2C_REPLICAS:-1}"
[[ "$REPLICAS" =~ ^[1-3]$ ]] || die "C2C_REPLICAS must be 1, 2 or 3 (is '$REPLICAS')"

# base_of INSTANCE: the service an instance belongs to (wallet-service-2 -> wallet-service).
base_of() { local b="${1%-[0-9]}"; [ -n "${PORT[$b]:-}" ] && echo "$b" || echo "$1"; }
# ordinal_of INSTANCE: 1 for the service's own name, n for <service>-n.
ordinal_of() { [ "$(base_of "$1")" = "$1" ] && echo 1 || echo "${1##*-}"; }
port_of() { instance_port "${PORT[$(base_of "$1")]}" "$(ordinal_of "$1")"; }
# instances_of SERVICE: the instances to start (C2C_REPLICAS) or that run now (recorded PID files), in order.
instances_of() {
  local svc="$1" n
  echo "$svc"
  for n in 2 3; do
    if [ "$n" -le "$REPLICAS" ] || [ -f "$PIDS/$svc-$n.pid" ]; then echo "$svc-$n"; fi
  done
}
READY_TIMEOUT_S=${C2C_SERVICE_READY_TIMEOUT_S:-120}

declare -A DATABASE=([order-service]=c2c_order [matching-service]=c2c_matching [wallet-service]=c2c_wallet [escrow-service]=c2c_escrow [chain-watcher]=c2c_chain)

# A service's database is derived from the Kafka log it consumed (inbox ids, relayed outbox rows, the
# engine's snapshot with its offsets). Against another log (the broker's storage was wiped, or the
# machine carried databases over from an earlier run) the engine refuses its snapshot and the other
# services would skip or re-apply events. So each database is marked with the broker's log (cluster and
# log directory ids), and one built against another log (or unmarked, with tables) is recreated empty
# before its service starts.
follow_broker() {
  local svc="$1" db="${DATABASE[$1]}" cid mark tables
  cid=$(kafka_log_id) || return 0 # a broker this project does not manage: nothing to compare with
  mark=$(as_postgres_psql -d postgres -Atc "select coalesce(shobj_description(oid, 'pg_database'), '') from pg_database where datname = '$db'")
  [ "$mark" = "$cid" ] && return 0
  tables=$(as_postgres_psql -d "$db" -Atc "select count(*) from pg_tables where schemaname = 'public'")
  if [ "$tables" != 0 ]; then
    step "recreating $db: it was built from another Kafka log (${mark:-unrecorded}), this broker has $cid"
    as_postgres_psql -d postgres -c "drop database \"$db\" with (force)" -c "create database \"$db\" owner \"${db}_owner\"" \
      -c "revoke all on database \"$db\" from public" -c "grant connect on database \"$db\" to \"${db}_app\""
  fi
  as_postgres_psql -d postgres -c "comment on database \"$db\" is '$cid'"
}

# The JDK's ahead-of-time cache (JDK 25: JEP 483, 514, 515): classes loaded and linked, and method
# profiles, from a training run. A service restarted after a crash is ready in about half the time and
# warms up faster, which is most of its recovery time (docs/operations.md, "Chaos suite"). The first start
# after a build is the training run (-XX:AOTCacheOutput); the JVM writes the cache when it stops gracefully
# (a child JVM assembles it, which makes that one stop take up to a minute or two). Later starts use it.
# A killed training run leaves no cache, so the next start trains again. Off with C2C_AOT=0, and in CI,
# where every JVM starts once and the assembly would only cost time.
aot_dir() { echo "$STATE/aot/$1"; }
aot_enabled() {
  [ "${C2C_AOT:-$([ "${CI:-}" = true ] && echo 0 || echo 1)}" = 1 ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null
}
# aot_flags SERVICE RUN_DIR [use-only]: the JVM flags to use (or train) the cache of this build of the service.
# Only the first instance trains (two JVMs must not write one cache); the others use a finished cache or none.
aot_flags() {
  local dir stamp; dir=$(aot_dir "$1")
  aot_enabled || return 0
  stamp=$( (cd "$2" && find . -type f -printf '%P %s %T@\n' | sort; cat "$JAVA_HOME/release" 2>/dev/null || "$JAVA_HOME/bin/java" -version 2>&1) | md5sum | cut -d' ' -f1)
  mkdir -p "$dir"
  if [ -s "$dir/app.aot" ] && [ -f "$dir/complete" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "-XX:AOTCache=$dir/app.aot"
  elif [ -z "${3:-}" ]; then
    rm -f "$dir/app.aot" "$dir/app.aot.config" "$dir/complete"; echo "$stamp" > "$dir/stamp"
    echo "-XX:AOTCacheOutput=$dir/app.aot"
  fi
}
# A graceful stop of a training run (always the first instance) writes the cache; it is used only once that finished.
stop_service() {
  local svc="$1" dir; dir=$(aot_dir "$1")
  if [ "$(base_of "$svc")" = "$svc" ] && aot_enabled && [ -f "$dir/stamp" ] && [ ! -f "$dir/complete" ]; then
    stop_pid "$svc" 180
    [ -s "$dir/app.aot" ] && touch "$dir/complete"
  else
    stop_pid "$svc" 30
  fi
}

# The local chain's token and RPC address, as anvil.sh recorded them, for the services that read the chain
# (chain-watcher follows it; wallet-service reads balances for the custody report). Nothing is exported
# when the chain is not up, and those services then leave the chain alone (they say so in their logs).
export_chain_env() {
  local f="$STATE/chain/31337.json"
  [ -f "$f" ] || return 0
  export C2C_CHAIN_TOKEN C2C_CHAIN_RPC_URL C2C_CHAIN_START_BLOCK
  C2C_CHAIN_TOKEN=$(jq -r .token "$f"); C2C_CHAIN_RPC_URL=$(jq -r .rpcUrl "$f")
  C2C_CHAIN_START_BLOCK=$(jq -r .deployedAtBlock "$f")
  # wallet-service's signer: the hot wallet's keystore and password file (deploy/local/keys.sh), paths only.
  if [ -f "$STATE/keys/hot-wallet.json" ] && [ -f "$STATE/keys/hot-wallet.password" ]; then
    export C2C_HOT_WALLET_KEYSTORE="$STATE/keys/hot-wallet.json" C2C_HOT_WALLET_PASSWORD_FILE="$STATE/keys/hot-wallet.password"
  fi
  # ... and the deposit account's (sweeps), when keys.sh deposit-account wrote it.
  if [ -f "$STATE/keys/deposit-account.json" ] && [ -f "$STATE/keys/deposit-account.password" ]; then
    export C2C_DEPOSIT_KEYSTORE="$STATE/keys/deposit-account.json" C2C_DEPOSIT_PASSWORD_FILE="$STATE/keys/deposit-account.password"
  fi
}

# Local timings of withdrawals (ADR 0014): a withdrawal to a new address waits out a cool-down after its owner
# confirms it, an hour by default (application.properties); on the local platform 10 s, so the demo and the
# end-to-end tests see it pass. Either can be overridden before up.sh (an hour: C2C_..._COOLDOWN=1h). Sweeps look
# for credited deposit addresses every 5 s instead of every minute: the hot wallet's USDT comes only from them, so a
# withdrawal right after a deposit waits for that sweep.
export_local_timings() {
  export C2C_SWEEP_INTERVAL="${C2C_SWEEP_INTERVAL:-5s}"
  export C2C_WALLET_WITHDRAWAL_NEW_ADDRESS_COOLDOWN="${C2C_WALLET_WITHDRAWAL_NEW_ADDRESS_COOLDOWN:-10s}"
  export C2C_WALLET_WITHDRAWAL_COOLDOWN_SCAN_INTERVAL="${C2C_WALLET_WITHDRAWAL_COOLDOWN_SCAN_INTERVAL:-1s}"
}

ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" 2>/dev/null | grep -q '"status" *: *"UP"'; }
# standby PORT: a matching-service instance waiting to take over the engine (ADR 0017); otherwise healthy.
standby() { curl -sS "http://127.0.0.1:$1/q/health/ready" 2>/dev/null | grep -q '"role" *: *"STANDBY"'; }
ready_or_standby() { ready "$1" || standby "$1"; }

# start_one INSTANCE
start_one() {
  local svc="$1" base port n built run
  base=$(base_of "$1"); port=$(port_of "$1"); n=$(ordinal_of "$1")
  built="$ROOT/$base/target/quarkus-app" run="$STATE/run/$svc"
  if pid_alive "$svc"; then step "$svc already running (PID $(cat "$PIDS/$svc.pid"))"; return 0; fi
  require_free_port "$svc" "$port"
  [ -f "$built/quarkus-run.jar" ] || die "$built/quarkus-run.jar is missing: build first (deploy/local/up.sh builds it)"
  follow_broker "$base"
  # A running service loads classes from its jars lazily, so it runs from a copy: a rebuild under
  # target/ while it runs cannot pull its jars away (that used to hang services mid-request). Each instance
  # has its own copy, so restarting one never touches another's jars.
  rm -rf "$run" && mkdir -p "$STATE/run" && cp -a "$built" "$run"
  local aot; aot=$(aot_flags "$base" "$run" "$([ "$n" = 1 ] || echo use-only)")
  # C1 only (ADR 0018): on two shared cores a restarted service is useful from its first minute instead of
  # compiling through it. C2C_JVM_OPTS comes after and wins: -XX:TieredStopAtLevel=4 is the JVM's default tiering.
  local opts; read -r -a opts <<< "$aot -XX:TieredStopAtLevel=1 ${C2C_JVM_OPTS:-}"
  local cmd=("$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC "${opts[@]}" -jar "$run/quarkus-run.jar")
  # Instance n > 1: its own port and its own static member id in the consumer groups (group.instance.id).
  if [ "$n" = 1 ]; then
    start_bg "$svc" "$LOGS/$svc.log" "${cmd[@]}"
  else
    QUARKUS_HTTP_PORT="$port" C2C_INSTANCE_ID="local-$n" start_bg "$svc" "$LOGS/$svc.log" "${cmd[@]}"
  fi
  step "$svc starting (PID $(cat "$PIDS/$svc.pid"), port $port${aot:+; AOT cache: ${aot%%=*}})"
}

await_one() {
  local svc="$1" port; port=$(port_of "$1")
  if ! wait_until "$READY_TIMEOUT_S" "$svc ready" ready_or_standby "$port"; then
    pid_alive "$svc" || die "$svc exited during start; see $LOGS/$svc.log"
    die "$svc not ready after ${READY_TIMEOUT_S}s on http://127.0.0.1:$port/q/health/ready; see $LOGS/$svc.log"
  fi
  if ready "$port"; then step "$svc ready on http://127.0.0.1:$port"; else step "$svc standing by on http://127.0.0.1:$port (another instance leads the engine)"; fi
}

cmd="${1:-status}"; shift || true
services=""
for s in ${*:-$ALL_SERVICES}; do
  [ -n "${PORT[$(base_of "$s")]:-}" ] || die "unknown service '$s' (one of: $ALL_SERVICES, or an instance such as wallet-service-2)"
  if [ "$(base_of "$s")" != "$s" ] && { [ "$(ordinal_of "$s")" -lt 2 ] || [ "$(ordinal_of "$s")" -gt 3 ]; }; then
    die "no instance '$s': a service's instances are <service>, <service>-2 and <service>-3"
  fi
  if [ "$(base_of "$s")" = "$s" ]; then services+=" $(instances_of "$s" | tr '\n' ' ')"; else services+=" $s"; fi
done
case "$cmd" in
  start)
    pick_java
    export_chain_env
    export_local_timings
    for s in $services; do start_one "$s"; done
    for s in $services; do await_one "$s"; done ;;
  stop)
    pick_java
    # Services share nothing at shutdown, so they stop in parallel.
    for s in $services; do
      if pid_alive "$s"; then (stop_service "$s"; step "$s stopped") & else rm -f "$PIDS/$s.pid"; fi
    done
    wait ;;
  status)
    for s in $services; do
      if pid_alive "$s"; then
        state=$(ready "$(port_of "$s")" && echo "UP" || { standby "$(port_of "$s")" && echo "STANDBY"; } || echo "starting/unhealthy")
        printf '%-17s %-18s pid %-7s http://127.0.0.1:%s  log %s\n' "$s" "$state" "$(cat "$PIDS/$s.pid")" "$(port_of "$s")" "$LOGS/$s.log"
      else
        printf '%-17s %-18s\n' "$s" "down"
      fi
    done ;;
  *) die "usage: $0 start|stop|status [service...]" ;;
esac
