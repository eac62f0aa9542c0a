#!/usr/bin/env bash
# PostgreSQL 15 for local runs: the machine's own Debian cluster "15 main" on 127.0.0.1:5432,
# plus the project's login role and five databases.
# Usage: postgres.sh start | stop [--force] | status
# The cluster belongs to the machine, so stop only stops it if start started it (marker file),
# unless --force is given.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
PG_LOG="/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
MARKER="$PIDS/postgres.started-by-us"

# cluster_status: prints online/down/missing, as pg_lsclusters reports it.
cluster_status() {
  command -v pg_lsclusters >/dev/null || { echo missing; return; }
  local s
  s=$(pg_lsclusters --no-header 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}')
  echo "${s:-missing}"
}

# postmaster_pid: the server's PID from its data directory (empty when down).
postmaster_pid() { head -1 "/var/lib/postgresql/$PG_VERSION/$PG_CLUSTER/postmaster.pid" 2>/dev/null || true; }

ensure_installed() {
  if ! command -v pg_ctlcluster >/dev/null || [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
    step "installing the postgresql package (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  if [ "$(cluster_status)" = missing ]; then
    step "creating cluster $PG_VERSION/$PG_CLUSTER"
    pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" >/dev/null
  fi
}

# check_hba: password (scram/md5) logins over TCP from 127.0.0.1 must be allowed; we never edit the
# machine's pg_hba.conf, we only fail clearly when it does not allow what the services need.
check_hba() {
  local hba="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/pg_hba.conf"
  grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+(scram-sha-256|md5)' "$hba" \
    || die "$hba has no 'host all all 127.0.0.1/32 scram-sha-256' line; add it and run: pg_ctlcluster $PG_VERSION $PG_CLUSTER reload"
}


# ensure_role_and_dbs: idempotent; re-sets the password so it always matches $C2C_DB_PASSWORD.
# CREATEDB because tests create a fresh database per run.
ensure_role_and_dbs() {
  as_postgres_psql -d postgres -v user="$C2C_DB_USER" -v pw="$C2C_DB_PASSWORD" -v dbs="$C2C_DATABASES" <<'SQL'
SET password_encryption = 'scram-sha-256';
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'user')
  FROM unnest(string_to_array(:'dbs', ' ')) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SQL
}

# check_tcp_login: proves what the services do: a password login over TCP to 127.0.0.1.
check_tcp_login() {
  local db
  for db in $C2C_DATABASES; do
    PGPASSWORD="$C2C_DB_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$C2C_DB_USER" -d "$db" -tAc 'select 1' >/dev/null \
      || die "password login as $C2C_DB_USER to $db on 127.0.0.1:$PG_PORT failed (see $PG_LOG)"
  done
}

start() {
  ensure_installed
  check_hba
  if [ "$(cluster_status)" = online ]; then
    step "postgres $PG_VERSION/$PG_CLUSTER already running (pid $(postmaster_pid))"
  else
    step "starting postgres $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PG_PORT"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start || die "pg_ctlcluster start failed; see $PG_LOG"
    postmaster_pid > "$MARKER"
  fi
  wait_until 30 "postgres ready" pg_isready -q -h 127.0.0.1 -p "$PG_PORT" \
    || die "postgres not accepting connections on 127.0.0.1:$PG_PORT after 30s; see $PG_LOG"
  step "ensuring role $C2C_DB_USER and databases: $C2C_DATABASES"
  ensure_role_and_dbs
  check_tcp_login
  step "postgres ready: postgresql://$C2C_DB_USER@127.0.0.1:$PG_PORT/{$(echo "$C2C_DATABASES" | tr ' ' ,)}"
}

stop() {
  local force="${1:-}"
  if [ "$(cluster_status)" != online ]; then
    step "postgres not running"; rm -f "$MARKER"; return 0
  fi
  if [ ! -f "$MARKER" ] && [ "$force" != --force ]; then
    step "postgres was not started by postgres.sh; leaving it up (use: stop --force)"
    return 0
  fi
  step "stopping postgres $PG_VERSION/$PG_CLUSTER"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast
  rm -f "$MARKER"
  step "postgres stopped"
}

status() {
  if [ "$(cluster_status)" = online ] && pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
    local who="already running before us; stop leaves it up"; [ -f "$MARKER" ] && who="started by postgres.sh"
    status_line postgres up "$(postmaster_pid)" "$PG_PORT" "$PG_LOG" "$who"
  else
    status_line postgres down "" "$PG_PORT" "$PG_LOG"; return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  status) status ;;
  *) echo "usage: $0 start | stop [--force] | status" >&2; exit 2 ;;
esac
