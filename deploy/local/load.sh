#!/usr/bin/env bash
# Trade load benchmark against the platform that up.sh started: complete trades through the API gateway
# (real tokens for every seller and buyer, created in the development realm) at a fixed rate (many funded sellers with SELL ads, many buyers), then prints trades/s completed,
# p50/p99/max of order placed -> trade matched and placed -> funds locked, and the ledger totals.
# Usage: deploy/local/load.sh [seconds=60] [trades-per-second=120] [sellers=20] [buyers=200]
# A warm-up run comes first (C2C_LOAD_WARMUP_S seconds, default 60, at up to 40 trades/s; 0 skips it):
# freshly started JVMs spend their first minute compiling, which on two cores costs the platform about
# twice the CPU per trade, and that is not what the measured run is about.
source "$(dirname "$0")/lib.sh"
pick_java
for port in 8080 8081 8082 8083 8084; do
  port_open "$port" || die "nothing listens on :$port: start the platform first (deploy/local/up.sh)"
done
# Everything here comes from 127.0.0.1, so the gateway's per-address limit would throttle the whole
# benchmark: it runs with raised limits (C2C_LOAD_GATEWAY_RATE, default 5000/s per address and client)
# and the gateway gets its previous settings back afterwards.
gateway_settings="$STATE/gateway/settings.env"
saved_settings="$STATE/load-gateway-settings.env"
cp "$gateway_settings" "$saved_settings" 2>/dev/null || true
restore_gateway() {
  bash "$ROOT/deploy/local/gateway.sh" stop >/dev/null 2>&1 || true
  if [ -s "$saved_settings" ]; then set -a; source "$saved_settings"; set +a; fi
  bash "$ROOT/deploy/local/gateway.sh" start >/dev/null 2>&1 || step "load: could not restart the gateway with its settings"
}
trap restore_gateway EXIT
step "load: restarting the gateway with rate limits raised to ${C2C_LOAD_GATEWAY_RATE:-5000}/s"
bash "$ROOT/deploy/local/gateway.sh" stop >/dev/null
C2C_GATEWAY_RATE_PER_IP=${C2C_LOAD_GATEWAY_RATE:-5000} C2C_GATEWAY_RATE_PER_CLIENT=${C2C_LOAD_GATEWAY_RATE:-5000} \
  bash "$ROOT/deploy/local/gateway.sh" start >/dev/null || die "the gateway did not start with raised limits"

cp_file="$STATE/load.classpath"
step "load: building the load generator (module e2e)"
(cd "$ROOT" && ./mvnw -B -q -pl e2e -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime) || die "could not build the load generator"

# CPU seconds (user + system) each platform process has used so far; PostgreSQL summed over its backends.
cpu_ticks() {
  local f pid
  for f in "$PIDS"/*.pid; do
    pid=$(cat "$f"); [ -r "/proc/$pid/stat" ] || continue
    echo "$(basename "$f" .pid) $(awk '{print $14 + $15}' "/proc/$pid/stat")"
  done
  echo "postgres $(ps -C postgres -o pid= | while read -r pid; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}')"
}

trade_load() { "$JAVA_HOME/bin/java" -Djdk.httpclient.keepalive.timeout=5 -cp "$ROOT/e2e/target/classes:$(cat "$cp_file")" com.c2c.e2e.load.TradeLoad "$@"; }

warmup=${C2C_LOAD_WARMUP_S:-60}
if [ "$warmup" -gt 0 ]; then
  rate=${2:-120}; warm_rate=$(( rate < 40 ? rate : 40 ))
  step "load: warming the services up: $warmup s at $warm_rate trades/s (output in $STATE/load-warmup.out)"
  trade_load "$warmup" "$warm_rate" "${3:-20}" "${4:-200}" >"$STATE/load-warmup.out" 2>&1 \
    || die "the warm-up run failed; see $STATE/load-warmup.out"
fi

before=$(cpu_ticks)
out="$STATE/load.out"
step "load: running ${1:-60} s at ${2:-120} trades/s"
status=0
trade_load "$@" | tee "$out" || status=$?
completed=$(sed -n 's/^RESULT .*completed=\([0-9]*\).*/\1/p' "$out")
if [ -n "$completed" ] && [ "$completed" -gt 0 ]; then
  hz=$(getconf CLK_TCK)
  echo "CPU per completed trade (ms; the load generator itself not included):"
  join <(echo "$before" | sort) <(cpu_ticks | sort) | awk -v n="$completed" -v hz="$hz" \
    '{ms = ($3 - $2) * 1000 / hz / n; total += ms; if (ms >= 0.05) printf "  %-17s %6.1f\n", $1, ms} END {printf "  %-17s %6.1f\n", "total", total}'
fi
exit "$status"
