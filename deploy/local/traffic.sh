# Shared by load.sh, chaos.sh and smoke.sh (sourced after lib.sh): the gateway with raised rate limits for a
# run, the e2e module's tools built and run on a JVM, the CPU each platform process has used, and a wait
# until the services have consumed everything on their topics.

# Everything comes from 127.0.0.1, so the gateway's per-address limit would throttle the whole run: it
# runs with raised limits (C2C_LOAD_GATEWAY_RATE, default 5000/s per address and client) and gets its
# previous settings back when the calling script exits.
raise_gateway_limits() {
  gateway_settings="$STATE/gateway/settings.env"
  saved_settings="$STATE/load-gateway-settings.env"
  cp "$gateway_settings" "$saved_settings" 2>/dev/null || true
  trap restore_gateway EXIT
  step "restarting the gateway with rate limits raised to ${C2C_LOAD_GATEWAY_RATE:-5000}/s"
  bash "$ROOT/deploy/local/gateway.sh" stop >/dev/null
  C2C_GATEWAY_RATE_PER_IP=${C2C_LOAD_GATEWAY_RATE:-5000} C2C_GATEWAY_RATE_PER_CLIENT=${C2C_LOAD_GATEWAY_RATE:-5000} \
    bash "$ROOT/deploy/local/gateway.sh" start >/dev/null || die "the gateway did not start with raised limits"
}
restore_gateway() {
  bash "$ROOT/deploy/local/gateway.sh" stop >/dev/null 2>&1 || true
  if [ -s "$saved_settings" ]; then set -a; source "$saved_settings"; set +a; fi
  bash "$ROOT/deploy/local/gateway.sh" start >/dev/null 2>&1 || step "could not restart the gateway with its settings"
}

e2e_classpath="$STATE/load.classpath"
build_e2e_tools() {
  step "building the load generator (module e2e)"
  (cd "$ROOT" && ./mvnw -B -q -pl e2e -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$e2e_classpath" -Dmdep.includeScope=runtime) || die "could not build the load generator"
}
# e2e_main CLASS ARGS...: runs a main class of the e2e module (built by build_e2e_tools).
e2e_main() {
  local main="$1"; shift
  "$JAVA_HOME/bin/java" -Djdk.httpclient.keepalive.timeout=5 -Dc2c.root="$ROOT" -Dc2c.pids="$PIDS" \
    -cp "$ROOT/e2e/target/classes:$(cat "$e2e_classpath")" "$main" "$@"
}

# CPU ticks (user + system) each platform process has used so far, with its children (the gateway's worker,
# Keycloak's JVM under kc.sh); PostgreSQL summed over its processes (pg_processes).
cpu_ticks() {
  local f pid
  for f in "$PIDS"/*.pid; do
    pid=$(cat "$f" 2>/dev/null) && [ -r "/proc/$pid/stat" ] || continue
    echo "$(basename "$f" .pid) $(tree_ticks "$pid")"
  done
  echo "postgres $(pg_processes | awk '{s += $3} END {print s + 0}')"
}

# pg_processes: "<pid> <kind> <ticks>" per PostgreSQL process (the server and its backends, whoever started it),
# and a line "- ended <ticks>": the CPU of the server's processes that have ended (autovacuum workers come and
# go, a connection closes), which the server collects when it reaps them (its children's times, fields 16 and 17
# of its stat). Without it, a process that ends between two readings takes its CPU with it. The kind is a
# backend's database ("db:c2c_order") or the server process's role ("autovacuum_worker", "walwriter", ...).
pg_processes() {
  local pids; pids=$(ps -C postgres -o pid= | tr -s ' \n' ' ' || true)
  [ -n "${pids// /}" ] || return 0
  local pid args
  for pid in $pids; do
    args=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
    awk -v pid="$pid" -v args="$args" -v all=" $pids " '{
      # after the name in parentheses: field 2 of the rest is the parent, 12/13 user/system, 14/15 children
      c = length($0); while (c > 1 && substr($0, c, 1) != ")") c--; split(substr($0, c + 2), f, " ")
      if (index(all, " " f[2] " ") == 0) { print pid, "server", f[12] + f[13]; print "-", "ended", f[14] + f[15]; next }
      n = split(args, a, " ")
      if (args ~ /^postgres: [^ ]+: (autovacuum (launcher|worker)|checkpointer|background writer|walwriter|logical replication launcher|archiver|stats collector)/) {
        kind = args; sub(/^postgres: [^ ]+: /, "", kind); split(kind, k, " ")
        kind = (k[1] == "autovacuum" || k[1] == "logical" || k[1] == "background") ? k[1] "_" k[2] : k[1]
      } else if (n >= 4 && args ~ /^postgres: /) kind = "db:" a[4]
      else kind = "other"
      print pid, kind, f[12] + f[13] }' "/proc/$pid/stat" 2>/dev/null || true # it may have ended meanwhile
  done
}

# jvm_modes: per service JVM, how it runs, which changes its CPU per trade by a quarter and more: on the AOT cache a
# previous run trained ("AOT cache"), in the training run itself ("AOT training"), or without one; and for how long
# it has run (its JIT warms up over the first minutes).
jvm_modes() {
  local f pid cmd mode
  for f in "$PIDS"/*-service.pid "$PIDS"/*-service-[0-9].pid "$PIDS"/chain-watcher.pid "$PIDS"/chain-watcher-[0-9].pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); [ -r "/proc/$pid/cmdline" ] || continue
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline")
    case "$cmd" in
      *-XX:AOTCacheOutput=*) mode="AOT training run" ;;
      *-XX:AOTCache=*) mode="AOT cache" ;;
      *) mode="no AOT cache" ;;
    esac
    # The last -XX:TieredStopAtLevel wins (services.sh puts C2C_JVM_OPTS after its default, ADR 0018).
    case "$(grep -o -- '-XX:TieredStopAtLevel=[0-9]' <<< "$cmd" | tail -1)" in
      -XX:TieredStopAtLevel=1) mode="$mode, C1 only" ;;
      *) mode="$mode, tiered JIT" ;;
    esac
    printf '  %-17s %s, up %s s\n' "$(basename "$f" .pid)" "$mode" "$(ps -o etimes= -p "$pid" | tr -d ' ')"
  done
}

# tree_ticks PID: CPU ticks of PID and of every process under it.
tree_ticks() {
  local sum child
  sum=$(awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0)
  for child in $(pgrep -P "$1"); do
    sum=$(( sum + $(tree_ticks "$child") ))
  done
  echo "${sum:-0}"
}

# wait_caught_up [SECONDS=300]: waits until every consumer group has consumed what is on its topics (a lag of at
# most one record per partition: a transactional producer's commit marker counts as one), printing the lag
# while it waits; goes on (returning 1) after the deadline.
wait_caught_up() {
  local deadline=$(( $(date +%s) + ${1:-300} )) lag
  while :; do
    lag=$(bash "$ROOT/deploy/local/kafka.sh" tool consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:9092 \
      --describe --all-groups 2>/dev/null | awk '$6 ~ /^[0-9]+$/ && $6 > 1 { s += $6 } END { print s + 0 }')
    [ "$lag" -eq 0 ] && return 0
    [ "$(date +%s)" -lt "$deadline" ] || { step "      still $lag events behind after ${1:-300} s; going on"; return 1; }
    step "      $lag events not yet consumed"
    sleep 2
  done
}
