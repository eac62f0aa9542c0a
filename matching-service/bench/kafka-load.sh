#!/usr/bin/env bash
# Load through the real platform: ads and express orders published to c2c.order.events.v1 (as
# order-service would), trades read back from c2c.matching.events.v1. Needs the platform running
# (deploy/local/up.sh). Two runs: throughput (as fast as the producer goes) and latency (paced).
#
#   matching-service/bench/kafka-load.sh [ORDERS] [PACED_RATE]      defaults: 200000 orders, 2000/s paced
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$BENCH/../../deploy/local/lib.sh"
ORDERS="${1:-200000}"
RATE="${2:-2000}"
curl -fsS http://127.0.0.1:8082/q/health/ready 2>/dev/null | grep -q '"status" *: *"UP"' \
  || die "matching-service is not ready on 127.0.0.1:8082; start the platform with deploy/local/up.sh"
bash "$BENCH/run.sh" --build-only
pick_java
JAR="$BENCH/target/benchmarks.jar"
step "throughput: $ORDERS express orders as fast as the producer can publish"
java -Xmx1g -cp "$JAR" com.c2c.matching.bench.MatchingLoad --orders "$ORDERS" --ads 1000 | tee "$BENCH/target/kafka-load-throughput.txt"
step "latency: $(( RATE * 15 )) orders paced at $RATE/s"
java -Xmx1g -cp "$JAR" com.c2c.matching.bench.MatchingLoad --orders "$(( RATE * 15 ))" --ads 100 --rate "$RATE" \
  | tee "$BENCH/target/kafka-load-latency.txt"
