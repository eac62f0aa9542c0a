#!/usr/bin/env bash
# Keycloak (version from deploy/local/keycloak/pom.xml) for local runs: dev mode on 127.0.0.1:8180,
# realm "c2c" imported from deploy/keycloak/c2c-realm.json. Admin console user admin/admin (local only).
# Usage: keycloak.sh start | stop | status
# Use 127.0.0.1 (not localhost) everywhere: the token issuer copies the host the client used.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=8180
HERE="$ROOT/deploy/local/keycloak"
POM="$HERE/pom.xml"
REALM_JSON="$ROOT/deploy/keycloak/c2c-realm.json"
VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$POM")
ARCHIVE="$CACHE/keycloak/keycloak-quarkus-dist-$VERSION.tar.gz"
KC="$STATE/keycloak"                      # the unpacked distribution; its data/ holds the dev H2 database
REALM_SUM_FILE="$STATE/keycloak-realm.sha256"
LOG="$LOGS/keycloak.log"
READY_URL="http://127.0.0.1:$PORT/realms/c2c/.well-known/openid-configuration"
READY_TIMEOUT=180

fetch_dist() {
  [ -s "$ARCHIVE" ] && return 0
  step "fetching Keycloak $VERSION distribution with Maven into $(dirname "$ARCHIVE")"
  run_maven "$POM" dependency:copy -DoutputDirectory="$(dirname "$ARCHIVE")"
}

# unpack_dist: once per version; .version is written last, so a half-done unpack is redone.
unpack_dist() {
  [ "$(cat "$KC/.version" 2>/dev/null)" = "$VERSION" ] && return 0
  step "unpacking Keycloak $VERSION into $KC"
  rm -rf "$KC"; mkdir -p "$KC"
  tar -xzf "$ARCHIVE" -C "$KC" --strip-components=1
  echo "$VERSION" > "$KC/.version"
}

# sync_realm: Keycloak imports a realm only if it does not exist yet, so when the realm file changed
# since the last import the dev database is dropped and everything is imported afresh.
sync_realm() {
  local sum; sum=$(sha256sum "$REALM_JSON" | cut -d' ' -f1)
  mkdir -p "$KC/data/import"
  if [ "$(cat "$REALM_SUM_FILE" 2>/dev/null)" != "$sum" ]; then
    if [ -d "$KC/data/h2" ]; then step "realm file changed: dropping the dev database to re-import"; fi
    rm -rf "$KC/data/h2"
    echo "$sum" > "$REALM_SUM_FILE"
  fi
  cp "$REALM_JSON" "$KC/data/import/c2c-realm.json"
}

# server_pid: the java process under kc.sh (kc.sh itself becomes java only after a re-augmentation).
server_pid() {
  local p c; p=$(pid_of keycloak)
  c=$(pgrep -P "$p" java 2>/dev/null | head -1 || true)
  echo "${c:-$p}"
}

realm_ready() { curl -fsS -o /dev/null --max-time 5 "$READY_URL"; }

start() {
  if pid_alive keycloak; then
    step "keycloak already running (pid $(pid_of keycloak))"
  else
    require_free_port keycloak "$PORT"
    pick_java
    fetch_dist
    unpack_dist
    sync_realm
    step "starting keycloak $VERSION on http://127.0.0.1:$PORT (log $LOG)"
    # kc.sh runs java as a child (and forwards TERM to it), so the recorded PID is the kc.sh shell;
    # start_bg makes it a process group leader and stop signals the whole group, java included.
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms128m -Xmx512m" \
      start_bg keycloak "$LOG" "$KC/bin/kc.sh" start-dev \
        --http-host=127.0.0.1 --http-port="$PORT" --import-realm
  fi
  wait_ready keycloak "$READY_TIMEOUT" "$LOG" realm_ready
  step "keycloak ready: issuer http://127.0.0.1:$PORT/realms/c2c (pid $(pid_of keycloak))"
}

stop() { stop_server keycloak 30 stop_group; }

status() { server_status keycloak "$PORT" "$LOG" "java $(server_pid)"; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start | stop | status" >&2; exit 2 ;;
esac
