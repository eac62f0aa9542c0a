#!/usr/bin/env bash
# The floor: what PostgreSQL and Kafka alone spend per trade at the least in this design, with none of the
# platform's services, so that the goal of 10 ms of CPU per trade for everything can be set against it
# (docs/performance.md, "The floor under a trade").
#   deploy/local/floor.sh [seconds=60] [trades-per-second=50]
#   deploy/local/floor.sh --short      5 s at 5 trades/s, 2 s warm-ups (what the test command runs; its figures mean
#                                      nothing: it checks that the probe runs)
# A trade in this design needs, at the least (ADR 0005, 0019, 0028; counted from the services' code):
#   - 11 transactions that write: the order placed, paid and confirmed (three API calls) and eight deliveries
#     (the book's match at order-service and at the wallet; the lock at escrow; locked, paid and completed at
#     order-service; the release command at the wallet; the release at escrow), each an inbox row (an API call's
#     idempotency record alike), the state change and an outbox or owner-feed row;
#   - 7 relay rounds (read what is pending, stamp it published) for the 7 records produced from an outbox;
#   - 8 records on Kafka (those 7 and the book's match) and 9 reads of them by the services (the match is read
#     by order-service and the wallet).
# PostgreSQL: a database of its own (c2c_floor, created by the administrator login and dropped at the end) with
# the platform's outbox and inbox tables (platform/messaging's migrations, notify trigger included) and a
# trade-shaped table; pgbench (-M prepared, over TCP, C2C_FLOOR_CONNECTIONS connections, default 16) runs the
# delivery's transaction (floor/delivery.sql; C2C_FLOOR_BATCH deliveries in one, default 1) and the relay round
# (floor/relay.sql) mixed 11 to 7 at 18 x the trade rate (divided by the batch). Kafka: the producer and readers of
# floor/KafkaFloor.java at 8 x the trade rate, records sent C2C_FLOOR_BURST at a time (default: the batch), with one
# reader, two, two and one again (two give what one more read costs; the phases in that order and averaged, so that a
# broker still getting cheaper from one phase to the next does not favour either; --short runs one and two). Each part: a warm-up, the server's idle CPU over a quiet window
# (PostgreSQL's before its warm-up: autovacuum works off the warm-up's writes after it, which is the load's cost),
# then the measured window; the cost is the CPU above idle (user + system from /proc: every PostgreSQL process, the
# broker's JVM) divided by the work done. pgbench and the probe's own JVM are the load generator, not counted. Not
# counted either: the matching engine's Kafka transaction, the services' JVMs, the gateway, Keycloak, offsets
# committed, indexes, columns and triggers of the real tables. It is an estimate of the minimum, not a proof: the relay
# round runs on every connection where the platform's relay runs on one leader, and a connection count or batch the
# platform could run cheaper may exist.
# Needs PostgreSQL and Kafka started by this checkout (deploy/local/infra.sh up postgres kafka, or up.sh); run it
# with the services stopped (deploy/local/services.sh stop) so that their polling does not blur the idle window.
# The last line is machine-readable: FLOOR trades_per_s=... batch=... burst=... connections=... pg_ms_per_trade=...
# kafka_ms_per_trade=... total_ms_per_trade=...
source "$(dirname "$0")/lib.sh"
source "$ROOT/deploy/local/traffic.sh" # pg_processes
short=0
if [ "${1:-}" = "--short" ]; then short=1; set -- 5 5; fi
seconds=${1:-60}
rate=${2:-50}
[[ "$seconds" =~ ^[1-9][0-9]{0,4}$ ]] || die "seconds must be a whole number from 1, not '$seconds'"
[[ "$rate" =~ ^[1-9][0-9]{0,3}$ ]] || die "trades per second must be a whole number from 1 to 9999, not '$rate'"
# The warm-up matters: a broker just started spends its first minutes compiling (C2C_FLOOR_WARMUP_S, default 120 s).
if [ "$short" = 1 ]; then warm=2; idle=2; else warm=${C2C_FLOOR_WARMUP_S:-120}; idle=10; fi
[[ "$warm" =~ ^[1-9][0-9]{0,4}$ ]] || die "C2C_FLOOR_WARMUP_S must be a whole number of seconds from 1, not '$warm'"
# Deliveries per transaction: 1 is a consumer applying each record alone (the platform at a few trades/s); under
# load its consumers apply a polled batch in one transaction (ADR 0016) and its relays publish several rows a round,
# so the Kafka probe then sends its records that many at a time.
batch=${C2C_FLOOR_BATCH:-1}
[[ "$batch" =~ ^[1-9][0-9]?$ ]] || die "C2C_FLOOR_BATCH must be a whole number of deliveries per transaction (1 to 99), not '$batch'"
# How many records the Kafka probe sends at a time (default: the batch) and pgbench's connections (default 16: with
# 4 the commits' flushes, not the CPU, set the pace at 900 transactions/s here; the services hold more).
burst=${C2C_FLOOR_BURST:-$batch}
[[ "$burst" =~ ^[1-9][0-9]?$ ]] || die "C2C_FLOOR_BURST must be a whole number of records sent at a time (1 to 99), not '$burst'"
connections=${C2C_FLOOR_CONNECTIONS:-16}
[[ "$connections" =~ ^[1-9][0-9]?$ ]] || die "C2C_FLOOR_CONNECTIONS must be a whole number (1 to 99), not '$connections'"
HOPS=11; RELAYS=7; RECORDS=8; READS=9
pg_rate=$(( (HOPS + RELAYS) * rate / batch ))
[ "$pg_rate" -ge 1 ] || die "$rate trades/s in batches of $batch is less than one transaction a second: raise the rate"
DB=c2c_floor
pick_java
port_open 5432 || die "PostgreSQL is not running on :5432 (deploy/local/infra.sh up postgres kafka)"
port_open 9092 || die "Kafka is not running on :9092 (deploy/local/infra.sh up postgres kafka)"
broker=$(pid_of kafka)
if [ -z "$broker" ] || [ ! -r "/proc/$broker/stat" ]; then
  # The test command uses a broker another checkout started as it finds it; the short run then has no CPU to read.
  [ "$short" = 1 ] && { step "floor: skipped: the Kafka on :9092 was not started by this checkout (no PID in $PIDS/kafka.pid)"; exit 0; }
  die "no live Kafka PID in $PIDS/kafka.pid: start Kafka from this checkout (deploy/local/infra.sh up postgres kafka)"
fi
pgbench="/usr/lib/postgresql/15/bin/pgbench"
[ -x "$pgbench" ] || die "pgbench not found at $pgbench (it comes with the postgresql-15 package that postgres.sh installs)"
clients="$CACHE/kafka/libs"
for jar in kafka-clients-4.4.0.jar slf4j-api-1.7.36.jar; do
  [ -f "$clients/$jar" ] || die "$jar is missing from $clients (kafka.sh start fetches the broker's jars)"
done
for svc in order-service matching-service wallet-service escrow-service chain-watcher; do
  pid_alive "$svc" && step "floor: note: $svc is running; its polling is in the idle window (services.sh stop for a clean floor)"
done

pg_ticks() { pg_processes | awk '{s += $3} END {print s + 0}'; }
# Waits (up to 30 s) until pgbench's backends have ended: read while they are being reaped, a backend's CPU can be
# missed at one end of the window and counted at the other.
pg_settled() {
  local i
  for i in $(seq 300); do
    [ "$(sql -d postgres -Atc "select count(*) from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()")" = 0 ] && return 0
    sleep 0.1
  done
  step "floor: note: pgbench's connections had not all ended after 30 s"
}
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
# Over TCP with a password, as the services connect (a Unix socket would cost PostgreSQL less per round trip).
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER="$C2C_DB_USER" PGPASSWORD="$C2C_DB_PASSWORD" PGSSLMODE=disable
sql() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() { sql -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
cp "$ROOT"/deploy/local/floor/*.sql "$work/"
{ for i in $(seq "$batch"); do echo "\\set t$i random(1, 100000)"; done
  echo "BEGIN;"
  for i in $(seq "$batch"); do grep -v '^--' "$work/delivery.sql" | sed "s/:t\\b/:t$i/g"; done
  echo "COMMIT;"; } >"$work/hop.sql"

# --- PostgreSQL ---
step "floor: PostgreSQL: database $DB (outbox, inbox, 100,000 trade rows)"
sql -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
# The platform's own outbox and inbox, from platform/messaging's migrations (plain SQL, no placeholders), then the
# trade-shaped table.
migrations="$ROOT/platform/messaging/src/main/resources/db/platform"
sql -d "$DB" -f "$migrations/V0_1__outbox_and_inbox.sql" -f "$migrations/V0_2__inbox_received_at.sql" \
  -f "$migrations/V0_3__outbox_request_id.sql" -f "$migrations/V0_6__outbox_notify_trigger.sql" \
  -f "$work/schema.sql" >/dev/null
bench() { # bench SECONDS: the mixed run at 18 x the trade rate / batch; prints pgbench's report
  ("$pgbench" -n -M prepared --max-tries=5 -c "$connections" -j 2 -R "$pg_rate" -T "$1" \
    -f "$work/hop.sql@$HOPS" -f "$work/relay.sql@$RELAYS" "$DB")
}
# Idle first: after the warm-up, autovacuum works off what the warm-up wrote, which is the load's cost, not idle.
# The table's load is flushed before, so that its writing is not in the idle window either.
sql -d "$DB" -c checkpoint >/dev/null 2>&1 || true
sleep 2
t0=$(pg_ticks); sleep "$idle"; pg_idle=$(( $(pg_ticks) - t0 ))
step "floor: PostgreSQL: idle $idle s: $(( pg_idle * 1000 / hz )) ms of CPU; warm-up $warm s at $pg_rate transactions/s, $connections connections"
bench "$warm" >"$work/pg-warm.out" 2>&1 || { cat "$work/pg-warm.out"; die "pgbench failed"; }
pg_settled
step "floor: PostgreSQL: measuring $seconds s"
t0=$(pg_ticks); s0=$(date +%s%N)
bench "$seconds" >"$work/pg.out" 2>&1 || { cat "$work/pg.out"; die "pgbench failed"; }
pg_settled
pg_busy=$(( $(pg_ticks) - t0 )); elapsed_ns=$(( $(date +%s%N) - s0 ))
txns=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pg.out")
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pg.out")
[ -n "$txns" ] && [ "$txns" -gt 0 ] || { cat "$work/pg.out"; die "pgbench reported no transactions"; }
[ "${failed:-0}" -eq 0 ] || { cat "$work/pg.out"; die "pgbench: $failed transactions failed"; }
grep -E '^(latency average|tps)' "$work/pg.out" | sed 's/^/    /'
read -r pg_per_txn pg_per_trade < <(awk -v busy="$pg_busy" -v idle="$pg_idle" -v idle_s="$idle" -v ns="$elapsed_ns" \
  -v hz="$hz" -v n="$txns" -v per_trade=$(( HOPS + RELAYS )) -v batch="$batch" 'BEGIN {
    ms = (busy - idle * (ns / 1e9) / idle_s) * 1000 / hz; printf "%.4f %.2f\n", ms / n, ms / n * per_trade / batch }')
step "floor: PostgreSQL: $txns transactions (deliveries per transaction: $batch), $(( pg_busy * 1000 / hz )) ms of CPU: $pg_per_txn ms each above idle, $pg_per_trade ms per trade ($HOPS deliveries + $RELAYS relay rounds)"

# --- Kafka ---
if [ "$short" = 1 ]; then phases=1,2; else phases=1,2,2,1; fi
step "floor: Kafka: $(( RECORDS * rate )) records/s, $burst at a time, readers by phase $phases (floor/KafkaFloor.java)"
"$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -Dfloor.clk.tck="$hz" \
  -cp "$clients/kafka-clients-4.4.0.jar:$clients/slf4j-api-1.7.36.jar" \
  "$ROOT/deploy/local/floor/KafkaFloor.java" 127.0.0.1:9092 "$broker" "$seconds" $(( RECORDS * rate )) "$phases" "$warm" "$idle" "$burst" \
  2> >(grep -v '^SLF4J' >&2) | tee "$work/kafka.out" || die "the Kafka probe failed (output above)"
# per_record N: the mean of the phases with N readers (empty if none finished)
per_record() {
  sed -n "s/^PHASE readers=$1 .*broker_ms_per_record=\([0-9.-]*\).*/\1/p" "$work/kafka.out" \
    | awk '{ s += $1; n++ } END { if (n) printf "%.4f\n", s / n }'
}
one=$(per_record 1); two=$(per_record 2)
[ "$(grep -c '^PHASE ' "$work/kafka.out")" = "$(echo "$phases" | tr ',' '\n' | wc -l)" ] && [ -n "$one" ] && [ -n "$two" ] \
  || die "the Kafka probe did not finish (output above)"
read -r kafka_per_trade extra_read < <(awk -v a="$one" -v b="$two" -v records=$RECORDS -v reads=$READS 'BEGIN {
  f = b - a; if (f < 0) f = 0; printf "%.2f %.4f\n", records * a + (reads - records) * f, f }')
step "floor: Kafka: $one ms per record read once, $extra_read ms per further read$([ "$short" = 1 ] || echo ' (phases of the same readers averaged)'): $kafka_per_trade ms per trade ($RECORDS records, $READS reads)"

total=$(awk -v p="$pg_per_trade" -v k="$kafka_per_trade" 'BEGIN { printf "%.2f", p + k }')
echo "The floor at $rate trades/s, deliveries per transaction $batch: PostgreSQL $pg_per_trade + Kafka $kafka_per_trade = $total ms of CPU per trade, before any"
echo "service, the gateway or Keycloak (the goal: 10 ms for everything; the services' own share is in load.sh's figures)."
echo "FLOOR trades_per_s=$rate batch=$batch burst=$burst connections=$connections pg_ms_per_trade=$pg_per_trade kafka_ms_per_trade=$kafka_per_trade total_ms_per_trade=$total"
