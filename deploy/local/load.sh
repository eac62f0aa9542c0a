#!/usr/bin/env bash
# Trade load benchmark against the platform that up.sh started: complete trades through the API gateway
# (real tokens for every seller and buyer, created in the development realm) at a fixed rate (many funded sellers with SELL ads, many buyers), then prints trades/s completed,
# p50/p99/max of order placed -> trade matched and placed -> funds locked, and the ledger totals.
# Usage: deploy/local/load.sh [seconds=60] [trades-per-second=120] [sellers=20] [buyers=200]
# A warm-up run comes first (C2C_LOAD_WARMUP_S seconds, default 60, at up to 10 trades/s or C2C_LOAD_WARMUP_RATE;
# 0 skips it): freshly started JVMs spend their first minute compiling, which on two cores costs the platform about
# twice the CPU per trade, and that is not what the measured run is about (services on the JVM's full tiers,
# C2C_JVM_OPTS=-XX:TieredStopAtLevel=4, compile for many minutes: warm them longer and faster, docs/performance.md).
# The measured run starts once the services have consumed everything the warm-up left on their topics (at 40/s a
# cold platform completed 369 of 2,400 warm-up trades and worked the rest off during the measured run).
# deploy/local/profile.sh runs this with C2C_LOAD_PROFILE_DIR set: JFR records the services during the
# measured run only: from the end of its setup (people, funding, ads) until every service's consumers have caught
# up after the drain (a service that fell behind does part of the trades' work after the last trade completed).
# The tool follows the platform's events with a Kafka consumer of its own (to pay and confirm each trade and to read
# the latencies off the records' timestamps). The broker's work for it is the load generator's, yet it is counted in
# the broker's CPU, so that consumer fetches sparingly: up to 64 KB or 100 ms per fetch (C2C_LOAD_FETCH_MIN_BYTES,
# C2C_LOAD_FETCH_WAIT_MS; until 2026-12-06 it asked every 5 ms, 1 byte: 15 of the broker's 24 fetches per trade at
# 10 trades/s, docs/performance.md). The tool prints how many fetch requests it sent.
# After the last order the tool waits up to C2C_LOAD_DRAIN_S seconds (default 60) for every order to complete or
# fail; at a rate the platform cannot keep up with, raise it so the CPU per trade counts finished trades only.
# deploy/local/load.sh --short: 10 s at 5 trades/s, 4 sellers, 20 buyers, no warm-up (what the test command runs):
# exit code 1 unless every order placed became a completed trade and the ledger balanced.
source "$(dirname "$0")/lib.sh"
short=0
if [ "${1:-}" = "--short" ]; then short=1; set -- 10 5 4 20; export C2C_LOAD_WARMUP_S=0; fi
rate=${2:-120}; warm_rate=${C2C_LOAD_WARMUP_RATE:-$(( rate < 10 ? rate : 10 ))}
[[ "$warm_rate" =~ ^[1-9][0-9]{0,3}$ ]] \
  || die "C2C_LOAD_WARMUP_RATE must be a whole number of trades per second (1 to 9999), not '$warm_rate'"
pick_java
for port in 8080 8081 8082 8083 8084; do
  port_open "$port" || die "nothing listens on :$port: start the platform first (deploy/local/up.sh)"
done
source "$ROOT/deploy/local/traffic.sh"
raise_gateway_limits
build_e2e_tools
trade_load() { e2e_main com.c2c.e2e.load.TradeLoad "$@"; }

warmup=${C2C_LOAD_WARMUP_S:-60}
if [ "$warmup" -gt 0 ]; then
  step "load: warming the services up: $warmup s at $warm_rate trades/s (output in $STATE/load-warmup.out)"
  trade_load "$warmup" "$warm_rate" "${3:-20}" "${4:-200}" >"$STATE/load-warmup.out" 2>&1 \
    || die "the warm-up run failed; see $STATE/load-warmup.out"
  step "load: waiting until the services have consumed what the warm-up left"
  wait_caught_up 600 || true
fi

out="$STATE/load.out"
cpu_before="$STATE/load.cpu.before"
step "load: running ${1:-60} s at ${2:-120} trades/s"
status=0
# CPU is counted from the moment the tool reports its setup done ("setup: ...") until the tool ends, which it does
# once every service's consumer groups have caught up after the drain (TradeLoad, ConsumerLag): people
# (Keycloak), funding and ads are not what a trade costs. With a profile asked for, the recordings start before the
# tool and are read from that same moment; they stop when the tool ends.
profile_dir=${C2C_LOAD_PROFILE_DIR:-}
rm -f "$out" "$cpu_before"
[ -z "$profile_dir" ] || bash "$ROOT/deploy/local/profile.sh" start "$profile_dir"
( deadline=$(( $(date +%s) + 900 ))
  until grep -q '^setup:' "$out" 2>/dev/null; do [ "$(date +%s)" -lt "$deadline" ] || exit 0; sleep 0.2; done
  cpu_ticks >"$cpu_before"
  [ -z "$profile_dir" ] || { cp "$cpu_before" "$profile_dir/cpu.before"; bash "$ROOT/deploy/local/profile.sh" mark "$profile_dir"; } ) &
setup_watcher=$!
trade_load "$@" | tee "$out" || status=$?
grep -q '^setup:' "$out" 2>/dev/null || kill "$setup_watcher" 2>/dev/null # the tool ended before its setup did
wait "$setup_watcher" 2>/dev/null || true
if [ -n "$profile_dir" ]; then
  cpu_ticks >"$profile_dir/cpu.after"
  bash "$ROOT/deploy/local/profile.sh" stop "$profile_dir"
  sed -n 's/^RESULT .*completed=\([0-9]*\).*/\1/p' "$out" >"$profile_dir/completed"
  sed -n 's/^.*trades completed *[0-9]* (\([0-9]*\) failed or unanswered.*/\1/p' "$out" >"$profile_dir/unfinished"
fi
completed=$(sed -n 's/^RESULT .*completed=\([0-9]*\).*/\1/p' "$out")
unfinished=$(sed -n 's/^.*trades completed *[0-9]* (\([0-9]*\) failed or unanswered.*/\1/p' "$out")
if [ -n "$completed" ] && [ "$completed" -gt 0 ]; then
  hz=$(getconf CLK_TCK)
  if [ "${unfinished:-0}" -gt 0 ]; then
    echo "NOTE: $unfinished order(s) had not completed when the tool stopped waiting (drain limit C2C_LOAD_DRAIN_S, default 60 s)."
    echo "      The CPU below was spent on them too but is divided by the $completed completed trades only, so it overstates"
    echo "      the cost per trade. At a rate the platform cannot keep up with, give the drain the time to finish them."
  fi
  echo "CPU per completed trade (ms; from the end of the setup until the consumers caught up after the drain; the load generator itself not included):"
  join <(sort "$cpu_before" 2>/dev/null) <(cpu_ticks | sort) | awk -v n="$completed" -v hz="$hz" \
    '{ms = ($3 - $2) * 1000 / hz / n; total += ms; if (ms >= 0.05) printf "  %-17s %6.1f\n", $1, ms} END {printf "  %-17s %6.1f\n", "total", total}'
fi
echo "JVMs (at the end of the run):"
jvm_modes
if [ "$short" = 1 ] && [ "$status" = 0 ]; then
  [ "${unfinished:-x}" = 0 ] && [ "${completed:-0}" -gt 0 ] || { echo "load --short: ${unfinished:-?} trade(s) not completed"; status=1; }
fi
exit "$status"
