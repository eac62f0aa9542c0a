#!/usr/bin/env bash
# Brings the whole platform up locally: PostgreSQL, Kafka, Keycloak, Anvil, the five services, then the gateway.
# Idempotent: what already runs is left running. Options: --no-build (reuse the built jars).
source "$(dirname "$0")/lib.sh"
build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) echo "usage: $0 [--no-build]"; exit 0 ;;
    *) die "unknown option $arg (usage: $0 [--no-build])" ;;
  esac
done

pick_java
step "using JDK $JAVA_HOME"
bash "$ROOT/deploy/local/infra.sh" up
if [ "$build" = 1 ]; then
  step "building the services (./mvnw package -DskipTests; log $LOGS/build.log)"
  (cd "$ROOT" && ./mvnw -B package -DskipTests >"$LOGS/build.log" 2>&1) || die "build failed; see $LOGS/build.log"
  step "build done"
fi
# wallet-service's signer needs the hot wallet's keystore and the deposit account's (made once from the dev
# mnemonic) and gas on the chain: without them it stays off and withdrawals wait in APPROVED. The hot wallet's USDT
# comes from sweeps of credited deposits only. Quick when all is already there.
bash "$ROOT/deploy/local/keys.sh" hot-wallet
bash "$ROOT/deploy/local/keys.sh" deposit-account
bash "$ROOT/deploy/local/keys.sh" fund
bash "$ROOT/deploy/local/services.sh" start
bash "$ROOT/deploy/local/gateway.sh" start

cat <<EOT

C2C platform is up ($(( $(date +%s) - _t0 )) s).
  API gateway       http://127.0.0.1:8080   (the entry for frontends and makers: /api/v1/..., bearer tokens; deploy/gateway/README.md)
  order-service     http://127.0.0.1:8081   (Swagger UI: /q/swagger-ui, health: /q/health, metrics: /q/metrics)
  matching-service  http://127.0.0.1:8082
  wallet-service    http://127.0.0.1:8083
  escrow-service    http://127.0.0.1:8084
  chain-watcher     http://127.0.0.1:8085
  PostgreSQL        127.0.0.1:5432  (databases: $C2C_DATABASES; each service logs in as <db>_app, migrations as <db>_owner, admin $C2C_DB_USER)
  Kafka             127.0.0.1:9092
  Keycloak          http://127.0.0.1:8180  (realm c2c; admin console user admin/admin)
  Anvil (EVM)       http://127.0.0.1:8545
  Hot wallet        $(bash "$ROOT/deploy/local/keys.sh" address 2>/dev/null || echo "none")  (wallet-service's signer; keystore in $STATE/keys)
Logs: $LOGS
Status: deploy/local/status.sh    Stop everything: deploy/local/down.sh
EOT
