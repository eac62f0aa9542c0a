#!/usr/bin/env bash
# End-to-end scenarios (module e2e) against the platform that up.sh started: complete trades, partial
# fills, an expired payment deadline, disputes resolved each way, every event delivered twice, services
# restarted mid-trade; after each, the ledger must balance and every user's money be accounted for.
# Usage: deploy/local/e2e.sh [-- extra Maven arguments, e.g. -Dtest=TradeFlowTest]
source "$(dirname "$0")/lib.sh"
maven_args=()
[ "${1:-}" = "--" ] && { shift; maven_args=("$@"); }
pick_java
for port in 8081 8082 8083 8084; do
  port_open "$port" || die "nothing listens on :$port: start the platform first (deploy/local/up.sh)"
done
step "e2e: running the scenarios against the running platform"
(cd "$ROOT" && ./mvnw -B -pl e2e -am verify -Dskip.unit=true -De2e.skip=false "${maven_args[@]}")
step "e2e: passed in $(( $(date +%s) - _t0 )) s"
