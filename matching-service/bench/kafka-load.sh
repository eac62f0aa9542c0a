#!/usr/bin/env bash
# Load through the real platform: ads and express orders published to c2c.order.events.v1 (as
# order-service would), trades read back from c2c.matching.events.v1. Needs the platform running
# (deploy/local/up.sh). Two runs: throughput (as fast as the producer goes) and latency (paced).
#
#   matching-service/bench/kafka-load.sh [ORDERS] [PACED_RATE]      defaults: 200000 orders, 2000/s paced
#   matching-service/bench/kafka-load.sh --short                     2,000 orders, then 1,000 paced at 500/s
#                                                                    (seconds; what the test command runs)
#   C2C_BENCH_ENGINE_ALONE=1 matching-service/bench/kafka-load.sh ... the engine's service alone: order, wallet and
#                                                                    escrow services are stopped (by PID, services.sh)
#                                                                    for the run and started again after it, so
#                                                                    nothing else consumes the trades meanwhile
# Exit code non-zero when an order gets no answer (trade or reject), or the market cannot be opened.
# Opening the market (USDT-CHF) needs the admin role: the tool signs in a person with that role in the
# development realm (testkit Keycloak, through Keycloak's admin API, as deploy/local/identity.sh does).
# The trades it produces also reach escrow, which opens them and asks the wallet to lock funds the load's
# makers do not have: the rest of the platform works through them after the run (the short mode keeps
# that to a few thousand).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$BENCH/../../deploy/local/lib.sh"
if [ "${1:-}" = "--short" ]; then
  ORDERS=2000; ADS=100; RATE=500; PACED=1000
else
  ORDERS="${1:-200000}"; ADS=1000; RATE="${2:-2000}"; PACED=$(( RATE * 15 ))
fi
# The matching-service instance that leads the engine: 8082, or a replica's port when it took over (ADR 0017).
C2C_MATCHING_URL=""
for port in 8082 8092 8102; do
  if curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -q '"status" *: *"UP"'; then
    C2C_MATCHING_URL="http://127.0.0.1:$port"; break
  fi
done
[ -n "$C2C_MATCHING_URL" ] || die "no matching-service instance is ready (127.0.0.1:8082, or 8092/8102 with replicas); start the platform with deploy/local/up.sh"
export C2C_MATCHING_URL
bash "$BENCH/run.sh" --build-only
pick_java
if [ "${C2C_BENCH_ENGINE_ALONE:-0}" = 1 ]; then
  OTHERS=(order-service wallet-service escrow-service)
  step "engine alone: stopping ${OTHERS[*]} for the run (started again when it ends)"
  bash "$ROOT/deploy/local/services.sh" stop "${OTHERS[@]}"
  trap 'bash "$ROOT/deploy/local/services.sh" start "${OTHERS[@]}"' EXIT
fi
JAR="$BENCH/target/benchmarks.jar"
step "throughput: $ORDERS express orders as fast as the producer can publish"
java -Xmx1g -cp "$JAR" com.c2c.matching.bench.MatchingLoad --orders "$ORDERS" --ads "$ADS" | tee "$BENCH/target/kafka-load-throughput.txt"
step "latency: $PACED orders paced at $RATE/s"
java -Xmx1g -cp "$JAR" com.c2c.matching.bench.MatchingLoad --orders "$PACED" --ads 100 --rate "$RATE" \
  | tee "$BENCH/target/kafka-load-latency.txt"
step "kafka-load passed: every order answered"
