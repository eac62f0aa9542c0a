#!/usr/bin/env bash
# Runs every test against real servers:
#   1. starts PostgreSQL, Kafka and Keycloak if they are down (the services' tests present real tokens;
#      stopped again at the end if this script started them),
#   2. deploy/local/anvil.sh install (Anvil + the compiled local USDT the chain tests deploy), then
#      ./mvnw verify: unit, @QuarkusTest and end-to-end tests of every module,
#   3. chain-watcher's catch-up bench, short (chain-watcher/bench/catch-up.sh --short: its own Anvil and
#      database, 500 blocks, 2,500 transfers): fails when a deposit is missing or recorded twice; the
#      matching engine's JMH benchmark, short (matching-service/bench/run.sh --short), the floor under a trade,
#      short (deploy/local/floor.sh --short: what PostgreSQL and Kafka alone spend per trade at the least),
#   4. the platform smoke test (deploy/local/smoke.sh): up.sh on the built jars, every service ready,
#      Keycloak tokens, the EVM node, demo, e2e, chaos --short, the short modes of the platform's
#      benchmarks (load.sh --short profiled by profile.sh --short, matching-service/bench/kafka-load.sh --short), then down.sh leaving
#      no process behind.
# Options: --skip-bench (the benchmarks' short runs, in 3. and 4.), --skip-smoke; extra arguments after -- go to Maven (e.g. -- -pl order-service -am).
source "$(dirname "$0")/lib.sh"
smoke=1
bench=1
maven_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-smoke) smoke=0 ;;
    --skip-bench) bench=0 ;;
    --) shift; maven_args=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
  shift
done

pick_java
started=()
cleanup() {
  local c
  for c in "${started[@]}"; do bash "$ROOT/deploy/local/$c.sh" stop >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

# The smoke test brings the whole platform up and down, so it only runs when none of its ports is
# taken before this script starts anything (always so in CI).
busy_ports=""
for port in 9092 8180 8545 8080 8081 8082 8083 8084 8085; do port_open "$port" && busy_ports="$busy_ports $port"; done
for c in postgres kafka keycloak; do
  case "$c" in postgres) port=5432 ;; kafka) port=9092 ;; keycloak) port=8180 ;; esac
  if ! port_open "$port"; then
    bash "$ROOT/deploy/local/$c.sh" start
    started+=("$c")
  fi
done

# The chain tests start their own Anvil from deploy/chain and deploy the token from its compiled artifact.
bash "$ROOT/deploy/local/anvil.sh" install

step "running ./mvnw verify ${maven_args[*]}"
(cd "$ROOT" && ./mvnw -B verify "${maven_args[@]}")
step "maven verify passed"

if [ "$bench" = 1 ]; then
  step "chain-watcher catch-up bench, short (--skip-bench to leave it out)"
  bash "$ROOT/chain-watcher/bench/catch-up.sh" --short
  step "matching engine JMH benchmark, short (matching-service/bench/run.sh --short)"
  bash "$ROOT/matching-service/bench/run.sh" --short
  step "the floor under a trade, short (deploy/local/floor.sh --short: PostgreSQL and Kafka alone)"
  bash "$ROOT/deploy/local/floor.sh" --short
fi

bash "$ROOT/deploy/openapi/lint.sh"
bash "$ROOT/deploy/kubernetes/validate.sh"   # the Kubernetes manifests: offline, seconds (deploy/kubernetes/README.md)
step "the production realm in the local Keycloak (a temporary copy: reconciler client, amr pwd/otp; deleted after)"
node "$ROOT/deploy/keycloak/check-production-realm.mjs"
step "gateway check (its own HAProxy on 18080 in front of stub services, real Keycloak tokens)"
bash "$ROOT/deploy/gateway/check.sh"

if [ "$smoke" = 1 ]; then
  if [ -n "$busy_ports" ]; then
    step "platform smoke test skipped: ports$busy_ports were in use before the tests (stop the platform with down.sh to include it)"
  else
    # In CI the platform must start as on a new machine: the unit tests left thousands of events on
    # the shared topics, which a new platform would first replay. There the broker holds nothing
    # else (and the platform's databases are new), so it is emptied; a developer's broker is kept.
    if [ "${CI:-}" = true ] && [[ " ${started[*]} " == *" kafka "* ]]; then
      step "emptying the test broker before the platform starts"
      bash "$ROOT/deploy/local/kafka.sh" stop
      rm -rf "$STATE/kafka/data" "$STATE/kafka/cluster.id"
    fi
    C2C_SKIP_BENCH=$(( 1 - bench )) bash "$ROOT/deploy/local/smoke.sh"
  fi
fi
step "all tests passed in $(( $(date +%s) - _t0 )) s"
