#!/usr/bin/env bash
# PostgreSQL 15 for local runs: the machine's own Debian cluster "15 main" on 127.0.0.1:5432,
# plus the project's roles (an administrator, and an owner and a service role per database) and five databases.
# Usage: postgres.sh start | stop [--force] | status
# The cluster belongs to the machine, so stop only stops it if start started it (marker file),
# unless --force is given.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
PG_LOG="/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
MARKER="$PIDS/postgres.started-by-us"
# Connections: each service instance keeps a reactive pool and a JDBC pool, so with replicas (C2C_REPLICAS=2: nine
# JVMs) the Debian default of 100 runs out ("remaining connection slots are reserved"). The cluster on Kubernetes
# has 300 (deploy/kubernetes/base/postgres/cluster.yaml); a cluster started here gets the same, as a start option,
# so the machine's configuration files are not edited.
PG_MAX_CONNECTIONS="${C2C_PG_MAX_CONNECTIONS:-300}"
# C2C_PG_STATEMENTS=1 loads pg_stat_statements at start (a server option, so only a cluster started here gets it):
# deploy/local/profile.sh then counts the statements each database ran per trade. Off by default: it costs
# PostgreSQL a little on every statement, and the benchmarks' figures are taken without it.
PG_OPTIONS="-c max_connections=$PG_MAX_CONNECTIONS"
if [ "${C2C_PG_STATEMENTS:-0}" = 1 ]; then
  PG_OPTIONS="$PG_OPTIONS -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=2000"
fi

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


# ensure_role_and_dbs: idempotent, on a fresh cluster and on one that has run before (ADR 0011).
# - $C2C_DB_USER: the administrator login (CREATEDB: tests create a database per run; a member of every
#   owner role, so it can create their databases for them and read any row in tests and scripts, and of
#   every service role, so it sees and can end the services' sessions, as an outage test does).
# - per database <db> (and per role prefix in $C2C_DB_ROLE_PREFIXES): <db>_owner owns the database and runs
#   its migrations; <db>_app is the running service's login, with only the privileges its migrations grant.
# Passwords are re-set every time, so they always match $C2C_DB_PASSWORD, $C2C_DB_OWNER_PASSWORD and
# $C2C_DB_APP_PASSWORD. A database built before the split (owned by the administrator) is handed to its owner.
ensure_role_and_dbs() {
  as_postgres_psql -d postgres -v user="$C2C_DB_USER" -v pw="$C2C_DB_PASSWORD" -v opw="$C2C_DB_OWNER_PASSWORD" \
    -v apw="$C2C_DB_APP_PASSWORD" -v prefixes="$C2C_DB_ROLE_PREFIXES" -v dbs="$C2C_DATABASES" <<'SQL'
SET password_encryption = 'scram-sha-256';
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE ROLE %I LOGIN', p || r)
  FROM unnest(string_to_array(:'prefixes', ' ')) AS p, unnest(ARRAY['_owner', '_app']) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p || r) \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              p || r, CASE r WHEN '_owner' THEN :'opw' ELSE :'apw' END)
  FROM unnest(string_to_array(:'prefixes', ' ')) AS p, unnest(ARRAY['_owner', '_app']) AS r \gexec
-- A service's statements are bounded: none runs longer than 30 s, and no transaction of its sits idle
-- (holding its locks) for more than 60 s; PostgreSQL ends it and the service retries.
SELECT format('ALTER ROLE %I SET statement_timeout = %L', p || '_app', '30s')
  FROM unnest(string_to_array(:'prefixes', ' ')) AS p \gexec
SELECT format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p || '_app', '60s')
  FROM unnest(string_to_array(:'prefixes', ' ')) AS p \gexec
SELECT format('GRANT %I TO %I', p || r, :'user')
  FROM unnest(string_to_array(:'prefixes', ' ')) AS p, unnest(ARRAY['_owner', '_app']) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_auth_members m
                    WHERE m.roleid = to_regrole(p || r) AND m.member = to_regrole(:'user')) \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, d || '_owner')
  FROM unnest(string_to_array(:'dbs', ' ')) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d, d || '_owner')
  FROM unnest(string_to_array(:'dbs', ' ')) AS d \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', d) FROM unnest(string_to_array(:'dbs', ' ')) AS d \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', d, d || '_app') FROM unnest(string_to_array(:'dbs', ' ')) AS d \gexec
SQL
  local db
  for db in $C2C_DATABASES; do hand_to_owner "$db"; done
}

# hand_to_owner DB: every table, view, sequence and function in DB's public schema belongs to DB's owner role
# (tables made before the roles were split belong to the administrator). A sequence that belongs to a table
# (identity, serial) follows its table. The service's next start then grants its role what it needs.
hand_to_owner() {
  as_postgres_psql -d "$1" -v owner="$1_owner" <<'SQL'
SELECT format('ALTER %s %I.%I OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
              n.nspname, c.relname, :'owner')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
   AND pg_get_userbyid(c.relowner) <> :'owner'
   AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))) \gexec
SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, :'owner')
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> :'owner' \gexec
SQL
}

# check_tcp_login: proves what the services do: password logins over TCP to 127.0.0.1, as each database's
# owner (migrations) and its service's role.
check_tcp_login() {
  local db role pw
  for db in $C2C_DATABASES; do
    for role in "${db}_owner" "${db}_app"; do
      pw="$C2C_DB_APP_PASSWORD"; [ "$role" = "${db}_owner" ] && pw="$C2C_DB_OWNER_PASSWORD"
      PGPASSWORD="$pw" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$role" -d "$db" -tAc 'select 1' >/dev/null \
        || die "password login as $role to $db on 127.0.0.1:$PG_PORT failed (see $PG_LOG)"
    done
  done
}

start() {
  ensure_installed
  check_hba
  if [ "$(cluster_status)" = online ]; then
    step "postgres $PG_VERSION/$PG_CLUSTER already running (pid $(postmaster_pid))"
  else
    step "starting postgres $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PG_PORT"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start -- -o "$PG_OPTIONS" \
      || die "pg_ctlcluster start failed; see $PG_LOG"
    postmaster_pid > "$MARKER"
  fi
  wait_until 30 "postgres ready" pg_isready -q -h 127.0.0.1 -p "$PG_PORT" \
    || die "postgres not accepting connections on 127.0.0.1:$PG_PORT after 30s; see $PG_LOG"
  step "ensuring roles ($C2C_DB_USER; <db>_owner and <db>_app per database) and databases: $C2C_DATABASES"
  ensure_role_and_dbs
  check_tcp_login
  local max; max=$(as_postgres_psql -d postgres -Atc 'show max_connections')
  [ "$max" -ge "$PG_MAX_CONNECTIONS" ] 2>/dev/null \
    || step "NOTE: this cluster allows $max connections (it was running before postgres.sh); replicas may need $PG_MAX_CONNECTIONS: restart it with postgres.sh stop --force, then start"
  step "postgres ready: postgresql://<db>_app@127.0.0.1:$PG_PORT/<db> for <db> in {$(echo "$C2C_DATABASES" | tr ' ' ,)}"
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
