#!/usr/bin/env bash
# Trade load benchmark against the platform that up.sh started: complete trades through the public REST
# API at a fixed rate (many funded sellers with SELL ads, many buyers), then prints trades/s completed,
# p50/p99/max of order placed -> trade matched and placed -> funds locked, and the ledger totals.
# Usage: deploy/local/load.sh [seconds=60] [trades-per-second=120] [sellers=20] [buyers=200]
source "$(dirname "$0")/lib.sh"
pick_java
for port in 8081 8082 8083 8084; do
  port_open "$port" || die "nothing listens on :$port: start the platform first (deploy/local/up.sh)"
done
cp_file="$STATE/load.classpath"
step "load: building the load generator (module e2e)"
(cd "$ROOT" && ./mvnw -B -q -pl e2e -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime) || die "could not build the load generator"
step "load: running ${1:-60} s at ${2:-120} trades/s"
"$JAVA_HOME/bin/java" -cp "$ROOT/e2e/target/classes:$(cat "$cp_file")" com.c2c.e2e.load.TradeLoad "$@"
