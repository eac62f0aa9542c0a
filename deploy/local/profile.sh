#!/usr/bin/env bash
# A CPU profile of the running services during a trade load run, by one command:
#   deploy/local/profile.sh [seconds=30] [trades-per-second=10] [sellers] [buyers]
#   deploy/local/profile.sh --short: load.sh --short profiled (what the test command runs): a non-zero exit code
#   unless load.sh's own check passed and the report has every part the running platform allows (check_report).
# Runs deploy/local/load.sh with the same arguments (its warm-up first, C2C_LOAD_WARMUP_S as there); over
# the measured run only (after its setup, until the consumers caught up after its drain) it records JFR (settings=default: a Java stack
# sample every 20 ms per running thread) on each service JVM that services.sh started, found by the PID
# recorded in the state folder ($STATE/pids/<service>.pid, never by process name), and counts each JVM's CPU
# per thread from /proc. Then
# it prints per service: CPU per thread group (event loops, worker pool, Kafka client, JIT compiler, GC, ...),
# the top frames (self time, by method), the same by library area (Hibernate, JSON, Kafka, logging, ...)
# and by the innermost project method on the stack (deploy/local/profile/TopFrames.java, jdk.jfr.consumer).
# Recordings and reports stay in $STATE/profile/<time>/ (<service>.jfr: open in JDK Mission Control, or
# `jfr print --events jdk.ExecutionSample` / `jfr summary`).
# With PostgreSQL started with C2C_PG_STATEMENTS=1 (postgres.sh: pg_stat_statements loaded), it also prints the
# statements each database ran per completed trade over the window, and the most run ones (statements.tsv).
# PostgreSQL's CPU per trade is split by process: each database's backends, autovacuum, the WAL writer, ...
# The broker's requests per trade by kind (fetch, produce, the engine's transactions, ...) come from its own counters,
# read at both ends of the window (deploy/local/profile/BrokerRequests.java, attached to its JVM).
# JFR costs the services some CPU of its own (its threads are listed, "JFR_..."); compare profiles with profiles.
# `profile.sh report DIR` prints a recorded run's report again, `profile.sh check DIR` checks it as --short does. Internal: load.sh calls `profile.sh start DIR`
# before its measured run, `mark DIR` when the tool's setup is done, `stop DIR` when the tool ends.
source "$(dirname "$0")/lib.sh"
source "$ROOT/deploy/local/traffic.sh" # pg_processes
# Kafka too: its JVM is started by kafka.sh under the same state folder, and its share of a trade is large (docs/performance.md).
SERVICES="order-service matching-service wallet-service escrow-service chain-watcher kafka"
RECORDING=c2c-profile

# thread_ticks PID: "<thread id> <thread name> <ticks>" per thread of the process (user + system ticks);
# thread_cpu folds the names' digits so that a pool's threads form one group.
thread_ticks() {
  # One awk over every thread's stat file (a process per thread is far too slow on a busy machine): the
  # name is between the first "(" and the last ")", utime and stime are the 12th and 13th fields after it.
  awk '{ o = index($0, "("); c = length($0); while (c > o && substr($0, c, 1) != ")") c--
         name = substr($0, o + 1, c - o - 1); gsub(/ /, "_", name)
         split(substr($0, c + 2), f, " "); print $1, name, f[12] + f[13] }' /proc/"$1"/task/*/stat 2>/dev/null || true
}

# JFR is started before the load tool's setup and read from the window's start on (the events carry their
# time): attaching jcmd to five JVMs takes seconds each on a busy machine, longer than the window can wait.
start_one() {
  local dir="$1" svc="$2" pid
  pid_alive "$svc" || { step "profile: $svc is not running (no live PID in $PIDS/$svc.pid); not profiled"; return 0; }
  pid=$(pid_of "$svc")
  # settings=default (a Java stack sample every 20 ms per running thread) with native-method samples off:
  # settings=profile's extra events cost the services several per cent of their CPU here.
  if "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name="$RECORDING" settings=default "jdk.NativeMethodSample#enabled=false" \
      >"$dir/$svc.jcmd.log" 2>&1; then
    echo "$pid" >"$dir/$svc.pid"
    step "profile: recording $svc (PID $pid)"
  else
    step "profile: could not start JFR on $svc (PID $pid): $(tail -1 "$dir/$svc.jcmd.log")"
  fi
}
start_recordings() {
  local dir="$1" svc
  mkdir -p "$dir"
  for svc in $SERVICES; do start_one "$dir" "$svc" & done
  wait
  start_broker_requests "$dir"
}

# The broker's requests by kind at the window's two ends (deploy/local/profile/BrokerRequests.java): started now,
# before the setup, since starting a JVM takes seconds; it writes kafka.requests.before/after when the window's
# files appear, and stop_recordings ends it by its PID if it has not ended by then.
start_broker_requests() {
  local dir="$1"
  [ -f "$dir/kafka.pid" ] || return 0
  "$JAVA_HOME/bin/java" -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$ROOT/deploy/local/profile/BrokerRequests.java" \
    "$(cat "$dir/kafka.pid")" "$dir" >"$dir/kafka.requests.log" 2>&1 &
  echo $! >"$dir/broker-requests.sampler"
}
stop_broker_requests() {
  local dir="$1" pid i
  pid=$(cat "$dir/broker-requests.sampler" 2>/dev/null) || return 0
  for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill "$pid" 2>/dev/null || true
}

# Statements per trade (when PostgreSQL was started with C2C_PG_STATEMENTS=1, see postgres.sh): the counts of
# pg_stat_statements are reset when the window starts and read when it ends, for the platform's databases.
statements_on() {
  as_postgres_psql -d postgres -Atc 'show shared_preload_libraries' 2>/dev/null | grep -q pg_stat_statements
}
statements_reset() {
  statements_on || return 0
  as_postgres_psql -d postgres -Atc 'create extension if not exists pg_stat_statements; select pg_stat_statements_reset()' >/dev/null 2>&1 \
    || step "profile: could not reset pg_stat_statements; statements not counted"
}
statements_read() {
  statements_on || return 0
  # database, calls, execution ms, the statement (whitespace folded, cut to 140 characters); tab-separated
  as_postgres_psql -d postgres -AtF $'\t' -c "select d.datname, s.calls, round(s.total_exec_time::numeric, 1),
      left(regexp_replace(s.query, '\s+', ' ', 'g'), 140)
      from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname like 'c2c%'
      order by s.calls desc" >"$1/statements.tsv" 2>/dev/null || rm -f "$1/statements.tsv"
}
# statements_report DIR: per database, the statements (calls) and their execution time per completed trade, and
# the statements run most often.
statements_report() {
  local dir="$1" n; n=$(cat "$dir/completed" 2>/dev/null)
  [ -s "$dir/statements.tsv" ] && [ "${n:-0}" -gt 0 ] || return 0
  echo "PostgreSQL statements per completed trade over the window ($n trades; pg_stat_statements, every statement the database ran: BEGIN and COMMIT count):"
  awk -F'\t' -v n="$n" '{ c[$1] += $2; t[$1] += $3; C += $2; T += $3 }
    END { for (d in c) printf "  %-14s %7.1f statements  %6.2f ms executing\n", d, c[d] / n, t[d] / n
          printf "  %-14s %7.1f statements  %6.2f ms executing\n", "total", C / n, T / n }' "$dir/statements.tsv" | sort -k2 -rn
  echo "  most run (per trade, database, statement):"
  head -"${C2C_PROFILE_TOP:-15}" "$dir/statements.tsv" | awk -F'\t' -v n="$n" '{ printf "    %6.2f  %-12s %s\n", $2 / n, $1, $4 }'
}

# mark DIR: the window starts now (the load's setup is done): its time and each JVM's CPU per thread.
mark_window() {
  local dir="$1" svc
  date +%s%3N >"$dir/window.start"
  statements_reset
  pg_processes >"$dir/postgres.before"
  for svc in $SERVICES; do
    [ -f "$dir/$svc.pid" ] && thread_ticks "$(cat "$dir/$svc.pid")" >"$dir/$svc.threads.before"
  done
  return 0
}

stop_one() {
  local dir="$1" svc="$2" pid; pid=$(cat "$dir/$svc.pid")
  "$JAVA_HOME/bin/jcmd" "$pid" JFR.dump name="$RECORDING" filename="$dir/$svc.jfr" >>"$dir/$svc.jcmd.log" 2>&1 \
    || step "profile: could not dump $svc's recording (see $dir/$svc.jcmd.log)"
  "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name="$RECORDING" >>"$dir/$svc.jcmd.log" 2>&1 || true
}
stop_recordings() {
  local dir="$1" svc
  date +%s%3N >"$dir/window.end"
  statements_read "$dir"
  pg_processes >"$dir/postgres.after"
  for svc in $SERVICES; do
    [ -f "$dir/$svc.pid" ] && thread_ticks "$(cat "$dir/$svc.pid")" >"$dir/$svc.threads.after"
  done
  for svc in $SERVICES; do [ -f "$dir/$svc.pid" ] && stop_one "$dir" "$svc" & done
  wait
  stop_broker_requests "$dir"
  touch "$dir/stopped"
}

# thread_cpu DIR SERVICE: CPU seconds per thread group over the recording, largest first.
thread_cpu() {
  local dir="$1" svc="$2" hz; hz=$(getconf CLK_TCK)
  # Threads that ended during the run are missing from "after" (their CPU is lost); new ones start at 0.
  awk -v hz="$hz" 'NR == FNR { before[$1] = $3; next }
    { g = $2; gsub(/[0-9]+/, "#", g); sub(/#(-#)*$/, "#", g); cpu[g] += ($3 - before[$1]) / hz; total += ($3 - before[$1]) / hz }
    END { printf "  CPU by thread group (s; %.1f s in all):\n", total
          for (g in cpu) if (cpu[g] >= 0.05) printf "    %6.1f s  %5.1f%%  %s\n", cpu[g], total ? 100 * cpu[g] / total : 0, g }' \
    "$dir/$svc.threads.before" "$dir/$svc.threads.after" | { read -r head; echo "$head"; sort -rn -k1; }
}

# window_cpu DIR: CPU per completed trade per process over the profiled window (setup excluded), as load.sh counts it.
window_cpu() {
  local dir="$1" n hz; hz=$(getconf CLK_TCK)
  [ -f "$dir/cpu.before" ] && [ -f "$dir/cpu.after" ] && n=$(cat "$dir/completed" 2>/dev/null) && [ "${n:-0}" -gt 0 ] || return 0
  local unfinished; unfinished=$(cat "$dir/unfinished" 2>/dev/null)
  [ "${unfinished:-0}" -eq 0 ] 2>/dev/null \
    || echo "NOTE: $unfinished order(s) unfinished at the drain limit (C2C_LOAD_DRAIN_S): the figures below overstate the cost per trade."
  echo "CPU per completed trade over the profiled window (ms; $n trades; setup not included, JFR's own threads included):"
  join <(sort "$dir/cpu.before") <(sort "$dir/cpu.after") | awk -v n="$n" -v hz="$hz" \
    '{ms = ($3 - $2) * 1000 / hz / n; total += ms; if (ms >= 0.05) printf "  %-17s %6.1f\n", $1, ms} END {printf "  %-17s %6.1f\n", "total", total}'
}

# postgres_cpu DIR: PostgreSQL's CPU per completed trade over the window by process: each database's backends, the
# autovacuum workers, the WAL writer, the checkpointer, ... A process that ended in the window (an autovacuum worker,
# a closed connection) is counted from what the server collected when it reaped it, less what it had used before
# the window; one that started in the window, from zero.
postgres_cpu() {
  local dir="$1" n hz; hz=$(getconf CLK_TCK)
  [ -s "$dir/postgres.before" ] && [ -s "$dir/postgres.after" ] && n=$(cat "$dir/completed" 2>/dev/null) && [ "${n:-0}" -gt 0 ] || return 0
  echo "PostgreSQL's CPU per completed trade by process (ms; the server's processes read from /proc at both ends of the window):"
  awk -v n="$n" -v hz="$hz" 'NR == FNR { if ($1 == "-") ended0 = $3; else before[$1] = $3; next }
    $1 == "-" { ended1 = $3; next }
    { seen[$1] = 1; cpu[$2] += $3 - ($1 in before ? before[$1] : 0) }
    END { gone = 0; for (p in before) if (!(p in seen)) gone += before[p]
          cpu["ended in the window"] += ended1 - ended0 - gone
          for (k in cpu) { total += cpu[k]; if (cpu[k] * 1000 / hz / n >= 0.05) printf "  %-24s %6.2f\n", k, cpu[k] * 1000 / hz / n }
          printf "  %-24s %6.2f\n", "total", total * 1000 / hz / n }' "$dir/postgres.before" "$dir/postgres.after" \
    | awk '{ print ($1 == "total" ? -1 : $NF) "\t" $0 }' | sort -t$'\t' -k1,1 -rn | cut -f2-
}

# broker_requests DIR: the broker's requests per completed trade over the window, by kind. "FetchConsumer" is the
# consumers' part of "Fetch" (the rest would be followers), so the total leaves it out; the last line counts records
# and partitions, not requests (one fetch reads every partition its session holds).
broker_requests() {
  local dir="$1" n
  [ -s "$dir/kafka.requests.before" ] && [ -s "$dir/kafka.requests.after" ] && n=$(cat "$dir/completed" 2>/dev/null) \
    && [ "${n:-0}" -gt 0 ] || return 0
  echo "The broker's requests per completed trade over the window (its own counters, read at both ends):"
  awk -v n="$n" 'NR == FNR { before[$1] = $2; next }
    { d = ($2 - before[$1]) / n
      if ($1 == "MessagesIn" || $1 == "PartitionFetches" || $1 == "PartitionProduces") { totals[$1] = d; next }
      if ($1 != "FetchConsumer" && $1 != "FetchFollower") all += d
      if (d >= 0.01) printf "%f\t  %-22s %6.2f\n", d, $1, d }
    END { printf "-1\t  %-22s %6.2f\n", "all requests", all
          printf "-2\t  records appended %.2f, partitions read by fetches %.2f, partitions written %.2f\n",
                 totals["MessagesIn"], totals["PartitionFetches"], totals["PartitionProduces"] }' \
    "$dir/kafka.requests.before" "$dir/kafka.requests.after" | sort -t$'\t' -k1,1 -g -r | cut -f2-
}

report() {
  local dir="$1" svc
  window_cpu "$dir"
  postgres_cpu "$dir"
  statements_report "$dir"
  broker_requests "$dir"
  for svc in $SERVICES; do
    [ -f "$dir/$svc.jfr" ] && [ -f "$dir/$svc.threads.before" ] || continue
    echo "== $svc"
    thread_cpu "$dir" "$svc"
    "$JAVA_HOME/bin/java" "$ROOT/deploy/local/profile/TopFrames.java" --top "${C2C_PROFILE_TOP:-15}" \
      --from "$(cat "$dir/window.start" 2>/dev/null || echo 0)" --to "$(cat "$dir/window.end" 2>/dev/null || echo 0)" "$dir/$svc.jfr" \
      || echo "  (could not read $dir/$svc.jfr)"
  done
}

# check_report DIR: what --short asks of the report: CPU per trade over the window, PostgreSQL's by process, each
# service JVM's recording read (its CPU by thread group counted; the busy ones' top frames from samples), the broker's
# requests when the broker was recorded, the statements when PostgreSQL counts them. A broken reader (TopFrames.java,
# BrokerRequests.java, a changed /proc or jcmd output, a time window that keeps no sample) fails.
check_report() {
  local dir="$1" report="$1/report.txt" svc section missing="" recorded=0
  grep -q '^CPU per completed trade over the profiled window' "$report" || missing="$missing; CPU per trade"
  grep -q "^PostgreSQL's CPU per completed trade by process" "$report" || missing="$missing; PostgreSQL's CPU by process"
  for svc in $SERVICES; do
    if [ ! -f "$dir/$svc.pid" ]; then
      # jcmd was tried (the JVM was running) but JFR did not start
      [ ! -f "$dir/$svc.jcmd.log" ] || missing="$missing; JFR on $svc (see $dir/$svc.jcmd.log)"
      continue
    fi
    recorded=$(( recorded + 1 ))
    [ -f "$dir/$svc.jfr" ] || { missing="$missing; $svc's recording (JVM gone? see $dir/$svc.jcmd.log)"; continue; }
    grep -q "^== $svc\$" "$report" || { missing="$missing; $svc's section"; continue; }
    # the section in a variable: grep -q quitting early would fail a pipe from sed under pipefail
    section=$(sed -n "/^== $svc\$/,/^== /p" "$report")
    grep -Eq '^ +[0-9.]+ s +[0-9.]+% ' <<<"$section" || missing="$missing; $svc's CPU by thread group"
    # The services a trade goes through and the broker have samples at 5 trades/s; matching's standby and an idle
    # chain-watcher may have none.
    case "$svc" in
      order-service|wallet-service|escrow-service|kafka)
        [[ "$section" == *"top frames (self time"* ]] || missing="$missing; $svc's top frames (no samples in the window?)" ;;
    esac
  done
  [ "$recorded" -gt 0 ] || missing="$missing; any recorded JVM"
  ! grep -q '(could not read' "$report" || missing="$missing; a recording TopFrames could not read"
  if [ -f "$dir/kafka.pid" ]; then
    grep -q "^The broker's requests per completed trade" "$report" \
      || missing="$missing; the broker's requests (see $dir/kafka.requests.log)"
  else
    echo "profile --short: note: the broker was not recorded (not started by this checkout): its parts not checked"
  fi
  ! statements_on || grep -q '^PostgreSQL statements per completed trade' "$report" || missing="$missing; statements per trade"
  [ -z "$missing" ] || { echo "profile --short: the report lacks${missing#;}"; return 1; }
  echo "profile --short: the report has every part ($recorded JVMs profiled)"
}

case "${1:-}" in
  start) pick_java; start_recordings "$2"; exit 0 ;;
  mark) mark_window "$2"; exit 0 ;;
  stop) pick_java; stop_recordings "$2"; exit 0 ;;
  report) pick_java; report "$2" | tee "$2/report.txt"; exit 0 ;;
  check) check_report "$2"; exit ;;
  -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
esac

short=0
if [ "${1:-}" = "--short" ]; then
  short=1
  [ $# = 1 ] || die "--short takes no further arguments (it runs load.sh --short)"
fi

pick_java
dir="$STATE/profile/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"
status=0
if [ "$short" = 1 ]; then load_args=(--short); else load_args=("${1:-30}" "${2:-10}" "${@:3}"); fi
step "profile: load.sh ${load_args[*]}, JFR around its measured run; files in $dir"
C2C_LOAD_PROFILE_DIR="$dir" bash "$ROOT/deploy/local/load.sh" "${load_args[@]}" || status=$?
# A recording still running (load.sh died between start and stop) is dumped now.
if compgen -G "$dir/*.pid" >/dev/null && [ ! -f "$dir/stopped" ]; then stop_recordings "$dir"; fi
step "profile: per service (the measured run only)"
report "$dir" | tee "$dir/report.txt"
step "profile: report in $dir/report.txt"
[ "$short" = 0 ] || check_report "$dir" || status=1
exit "$status"
