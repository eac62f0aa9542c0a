#!/usr/bin/env bash
# Shared helpers for the local runtime scripts. Source it; do not run it.
# Everything the scripts keep (downloads, data, logs, PIDs) lives under $STATE, which git ignores.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${C2C_STATE_DIR:-$ROOT/.local}"
LOGS="$STATE/logs"
PIDS="$STATE/pids"
CACHE="$STATE/cache"
mkdir -p "$LOGS" "$PIDS" "$CACHE"

# Local connection settings, shared with the services' application.properties and the testkit.
# C2C_DB_USER is the administrator login: it creates databases (the tests' per-run ones) and is a member
# of every owner role; no service runs as it. Each database <db> has two roles of its own (ADR 0011):
# <db>_owner owns it and runs its migrations, <db>_app is what the running service logs in as.
export C2C_DB_USER="${C2C_DB_USER:-c2c}"
export C2C_DB_PASSWORD="${C2C_DB_PASSWORD:-c2c}"
export C2C_DB_OWNER_PASSWORD="${C2C_DB_OWNER_PASSWORD:-c2c}"
export C2C_DB_APP_PASSWORD="${C2C_DB_APP_PASSWORD:-c2c}"
export C2C_DATABASES="c2c_order c2c_matching c2c_wallet c2c_escrow c2c_chain"
# Roles for these and for platform/messaging's own tests (their databases are created per test run).
export C2C_DB_ROLE_PREFIXES="$C2C_DATABASES c2c_messaging"

_t0=$(date +%s)
# as_postgres_psql args...: runs psql as the postgres OS user over the local socket (peer auth).
# cd / because the postgres user may not be allowed into the caller's working directory.
as_postgres_psql() { (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"); }

# step "message": prints the message with seconds since the script started.
step() { printf '[%4ss] %s\n' "$(( $(date +%s) - _t0 ))" "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# pick_java: exports JAVA_HOME as a JDK >= 21 (JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm).
# java_major JDK_DIR: its Java version's major number, from the JDK's release file when it has one (starting a JVM
# to ask costs seconds on a busy machine, e.g. when the chaos suite restarts a killed service), else from the JVM.
java_major() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -n "$v" ]; then
    v=${v#1.}; echo "${v%%.*}"; return 0
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2; exit}'
}
pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d" 2>/dev/null || echo 0)
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  [ -n "$best" ] || die "no JDK >= 21 found (set JAVA_HOME, or install one under /usr/lib/jvm, e.g. apt-get install openjdk-21-jdk-headless... or temurin)"
  export JAVA_HOME="$best"; export PATH="$JAVA_HOME/bin:$PATH"
}

# port_open PORT: true if something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# kafka_log_id: the local broker's log (cluster id and log directory id; the latter changes with every format,
# even when the cluster id is kept). Fails when this project's broker has never been formatted here. What is
# derived from that log (the services' databases, services.sh; the local chain, anvil.sh) is marked with it and
# started afresh when the log changes.
kafka_log_id() {
  local meta="$STATE/kafka/data/meta.properties"
  [ -f "$meta" ] || return 1
  echo "kafka-log=$(sed -n 's/^cluster.id=//p' "$meta")/$(sed -n 's/^directory.id=//p' "$meta")"
}

# instance_port PORT N: where a service's instance N listens when its first one listens on PORT (C2C_REPLICAS,
# services.sh): PORT, PORT+10, PORT+20. services.sh starts them there; gateway.sh routes to them.
instance_port() { echo $(( $1 + 10 * ($2 - 1) )); }

# pid_alive NAME: true if the PID recorded for NAME is a running process.
# A killed process whose parent has not reaped it yet (a zombie: services started by a script that has ended
# belong to PID 1) still answers kill -0; it counts as dead, so a restart right after a SIGKILL starts it again.
pid_alive() {
  local f="$PIDS/$1.pid" pid
  [ -f "$f" ] && pid=$(cat "$f") && kill -0 "$pid" 2>/dev/null \
    && [ "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]
}

# wait_until TIMEOUT_S "description" command...: polls the command once a second until it succeeds.
wait_until() {
  local timeout="$1" what="$2"; shift 2
  local deadline=$(( $(date +%s) + timeout ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 1
  done
}

# start_bg NAME LOGFILE command...: starts the command detached in its own session, records its PID.
start_bg() {
  local name="$1" log="$2"; shift 2
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

# stop_pid NAME [TIMEOUT_S]: stops the recorded process (TERM, then KILL after the timeout), forgets the PID.
stop_pid() {
  local name="$1" timeout="${2:-30}" f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$(( $(date +%s) + timeout ))
    while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      step "$name did not stop within ${timeout}s; killing PID $pid"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

# require_free_port NAME PORT: fails clearly when the port is taken by something that is not ours.
require_free_port() {
  local name="$1" port="$2"
  if port_open "$port" && ! pid_alive "$name"; then
    die "port $port is already in use by another process (not this project's $name); stop it or free the port ($(command -v ss >/dev/null && ss -ltnp "sport = :$port" | tail -n +2 | head -1))"
  fi
}

# pid_of NAME: prints the recorded PID for NAME (empty when none).
pid_of() { cat "$PIDS/$1.pid" 2>/dev/null || true; }

# stop_group NAME [TIMEOUT_S]: like stop_pid, but signals the whole process group the recorded PID leads
# (start_bg runs commands under setsid, so PID == PGID); catches children a launcher script left behind.
stop_group() {
  local name="$1" timeout="${2:-30}" f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 -- "-$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    local deadline=$(( $(date +%s) + timeout ))
    while kill -0 -- "-$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.5; done
    if kill -0 -- "-$pid" 2>/dev/null; then
      step "$name did not stop within ${timeout}s; killing process group $pid"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

# status_line NAME up|down PID PORT LOG [NOTE]: the one-line status every infrastructure script prints.
status_line() { printf '%-9s %-5s pid=%-8s port=%-5s log=%s%s\n' "$1" "$2" "${3:--}" "$4" "$5" "${6:+  ($6)}"; }

# run_maven POM args...: runs the project's Maven wrapper quietly on a standalone pom (needs a JDK >= 21).
run_maven() {
  local pom="$1"; shift
  pick_java
  # Maven 3.9's Guice calls sun.misc.Unsafe; JDK 23+ prints a 4-line warning for it on every run.
  local opts="${MAVEN_OPTS:-}"
  [ "$(java_major "$JAVA_HOME")" -ge 23 ] && opts="$opts --sun-misc-unsafe-memory-access=allow"
  MAVEN_OPTS="$opts" "$ROOT/mvnw" -q -f "$pom" "$@"
}

# wait_ready NAME TIMEOUT_S LOGFILE command...: polls the (cheap) command 5 times a second until it succeeds.
# Fails at once (with the log's tail) if NAME's recorded process dies, and clearly on timeout.
wait_ready() {
  local name="$1" timeout="$2" log="$3"; shift 3
  local deadline=$(( $(date +%s) + timeout ))
  until "$@" >/dev/null 2>&1; do
    if ! pid_alive "$name"; then
      tail -n 20 "$log" >&2 2>/dev/null || true
      rm -f "$PIDS/$name.pid"
      die "$name exited during startup; see $log"
    fi
    [ "$(date +%s)" -lt "$deadline" ] || die "$name not ready after ${timeout}s (still running as PID $(pid_of "$name")); see $log"
    sleep 0.2
  done
}

# stop_server NAME TIMEOUT_S [stop_pid|stop_group]: stops a recorded server, saying what it did.
stop_server() {
  local name="$1" timeout="$2" stopper="${3:-stop_pid}"
  if pid_alive "$name"; then
    step "stopping $name (pid $(pid_of "$name"))"
    "$stopper" "$name" "$timeout"
    step "$name stopped"
  else
    rm -f "$PIDS/$name.pid"
    step "$name not running"
  fi
}

# server_status NAME PORT LOG [NOTE]: the server's status line; returns 3 when it is down.
server_status() {
  local name="$1" port="$2" log="$3" note="${4:-}"
  if pid_alive "$name" && port_open "$port"; then
    status_line "$name" up "$(pid_of "$name")" "$port" "$log" "$note"
  else
    status_line "$name" down "" "$port" "$log"; return 3
  fi
}
