#!/usr/bin/env bash
# The chaos suite (issue 10, items 7-8), against the platform that up.sh started:
#   deploy/local/chaos.sh [--short|--full] [trades-per-second]
# While complete trades flow through the gateway (the load tool, com.c2c.e2e.load.TradeLoad, retrying
# through outages with the same Idempotency-Key as a client would), it injects faults one after another:
#   --short (default; in the README's test command): poison records on every consumed topic, SIGKILL of
#           wallet-service and of escrow-service (each restarted at once); 5 trades/s.
#   --full:  poison; SIGKILL of every service in turn; Kafka restarted; PostgreSQL restarted; Keycloak
#           stopped for 30 s; 10 trades/s. Results go in docs/operations.md ("Chaos suite").
# For each fault it measures the recovery time: from the fault's end (the kill; the server being back) to the
# first completed trade that was placed after the fault began. After the drain it checks that every order
# completed (stuck, lost), nothing happened twice (one trade per order, every owner's balance exactly what
# the completed trades imply), the ledger is balanced per asset, every poison record was dead-lettered, and
# that the reconciler (reconcile.sh) reports zero drift. Prints one table.
# Exit code: 0 all good; 1 anything lost, stuck, duplicated, unbalanced or drifting; 2 a recovery slower
# than the limit: 20 s in --full; none in --short (it runs in CI on cold JVMs and guards against loss);
# C2C_CHAOS_RECOVERY_LIMIT_S sets one for either.
source "$(dirname "$0")/lib.sh"
pick_java
mode=short
case "${1:-}" in
  --short) shift ;;
  --full) mode=full; shift ;;
  -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
esac
for port in 8080 8081 8082 8083 8084 8085; do
  port_open "$port" || die "nothing listens on :$port: start the platform first (deploy/local/up.sh)"
done
source "$ROOT/deploy/local/traffic.sh"
raise_gateway_limits
build_e2e_tools

# Which instances run (C2C_REPLICAS when up.sh or services.sh started them): a kill with a second instance moves
# the killed one's partitions; with one, the trades wait for its restart. The table is read accordingly.
step "chaos: service instances: $(bash "$ROOT/deploy/local/services.sh" status | awk '$2 != "down" {print $1}' | tr '\n' ' ')"
out="$STATE/chaos.out"
step "chaos ($mode): output also in $out; the fault scripts' output in $LOGS/chaos-scripts.log"
status=0
e2e_main com.c2c.e2e.chaos.ChaosRun "$mode" "$@" > >(tee "$out") || status=$?
step "chaos: JVMs at the end of the run (AOT cache, JIT mode: ADR 0018)"
jvm_modes
step "chaos: the reconciler's report after the drain"
if bash "$ROOT/deploy/local/reconcile.sh"; then
  step "chaos: reconciler: zero drift"
else
  step "chaos: reconciler: DRIFT (or no report)"; status=1
fi
[ "$status" = 0 ] && step "chaos ($mode): passed" || step "chaos ($mode): FAILED (exit $status)"
exit "$status"
