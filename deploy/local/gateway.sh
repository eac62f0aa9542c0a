#!/usr/bin/env bash
# The API gateway: HAProxy (Debian's package) on 127.0.0.1:8080, the single entry in front of the five
# services. It checks each bearer token against the realm's signing keys, which it fetches from the
# realm's JWKS when it starts and on reload-keys (deploy/gateway/, docs/adr/0006-api-gateway.md).
# Usage: gateway.sh start | stop | status | reload-keys
# Settings come from C2C_GATEWAY_* environment variables at start (deploy/gateway/README.md) and are
# kept in the state folder, so reload-keys renders the same gateway with fresh keys.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SRC="$ROOT/deploy/gateway"
GW="$STATE/gateway"            # rendered config, the realm's keys, the settings it was started with
CFG="$GW/haproxy.cfg"
SETTINGS="$GW/settings.env"
LOG="$LOGS/gateway.log"
mkdir -p "$GW"
# bash 5.2 would put the matched text where a value holds '&' in ${var//pattern/value}
shopt -u patsub_replacement 2>/dev/null || true

# The gateway's settings, each named once here: read from C2C_GATEWAY_<NAME> at start, checked by its kind, saved
# in the state folder (reload-keys renders the same gateway again) and put in the template's @@<NAME>@@.
#   number    a positive whole number
#   upstream  host:port, or several separated by commas; default: the service's local instances (services.sh)
#   origins   scheme://host[:port] separated by spaces; set but empty means none (no cross-origin caller)
#   text      checked on its own in resolve_settings
# An empty variable means the default, except for origins.
SETTINGS_TABLE="
PORT              number   8080
BIND              text     127.0.0.1
ISSUER            text     http://127.0.0.1:8180/realms/c2c
AUDIENCE          text     c2c-api
RATE_PER_IP       number   50
RATE_PER_CLIENT   number   20
RATE_WINDOW_S     number   10
MAX_BODY_BYTES    number   1048576
CORS_ORIGINS      origins  http://127.0.0.1:5173 http://localhost:5173
TIMEOUT_SERVER_S  number   30
MAX_IN_FLIGHT     number   32
QUEUE_TIMEOUT_S   number   5
STREAM_TIMEOUT_S  number   3600
DRAIN_S           number   600
ORDER_UPSTREAM    upstream order-service 8081
MATCHING_UPSTREAM upstream matching-service 8082
WALLET_UPSTREAM   upstream wallet-service 8083
ESCROW_UPSTREAM   upstream escrow-service 8084
CHAIN_UPSTREAM    upstream chain-watcher 8085
"
SETTINGS_NAMES=$(awk 'NF {print $1}' <<<"$SETTINGS_TABLE")

# resolve_settings: the settings from the environment, with their defaults; refuses values that
# could break (or inject into) the rendered configuration.
resolve_settings() {
  local name kind default env origin
  while read -r name kind default; do
    [ -n "$name" ] || continue
    env="C2C_GATEWAY_$name"
    if [ "$kind" = upstream ]; then
      # shellcheck disable=SC2086 # default is "SERVICE PORT"
      [ -n "${!env:-}" ] || default=$(local_instances $default)
    fi
    if [ "$kind" = origins ]; then
      printf -v "$name" '%s' "${!env-$default}"
    else
      printf -v "$name" '%s' "${!env:-$default}"
    fi
    case "$kind" in
      origins) for origin in ${!name}; do
          [[ "$origin" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$ ]] || die "$env: '$origin' is not an origin (scheme://host[:port])"
        done ;;
      number) [[ "${!name}" =~ ^[1-9][0-9]{0,9}$ ]] || die "$env must be a positive whole number (is '${!name}')" ;;
      upstream) [[ "${!name}" =~ ^[A-Za-z0-9.-]+:[0-9]{1,5}(,[A-Za-z0-9.-]+:[0-9]{1,5}){0,7}$ ]] \
        || die "$env must be host:port, or several separated by commas (is '${!name}')" ;;
    esac
  done <<<"$SETTINGS_TABLE"
  [[ "$BIND" =~ ^[0-9.]+$ ]] || die "C2C_GATEWAY_BIND must be an IPv4 address (is '$BIND')"
  [[ "$ISSUER" =~ ^https?://[A-Za-z0-9.:/_-]+$ ]] || die "C2C_GATEWAY_ISSUER must be an http(s) URL (is '$ISSUER')"
  [[ "$AUDIENCE" =~ ^[A-Za-z0-9._-]+$ ]] || die "C2C_GATEWAY_AUDIENCE must be a client id (is '$AUDIENCE')"
}

save_settings() {
  local v
  for v in $SETTINGS_NAMES; do
    printf 'C2C_GATEWAY_%s=%q\n' "$v" "${!v}"
  done > "$SETTINGS"
}

ensure_packages() {
  local missing=()
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v jq >/dev/null || missing+=(jq)
  command -v openssl >/dev/null || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing ${missing[*]} from Debian's packages"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "could not install ${missing[*]} (apt-get install ${missing[*]})"
  # Debian's package starts its own haproxy service on port 80 where an init system runs; ours is separate.
}

# fetch_keys DIR: one PEM public key per RS256 signing key in the realm's JWKS, named by its kid
# (from the key's x5c certificate). Test keys: C2C_GATEWAY_TEST_KEYS_DIR (see README).
fetch_keys() {
  # C2C_GATEWAY_JWKS_URL: where to fetch them when the issuer's public address is not reachable from here
  # (on Kubernetes: Keycloak's in-cluster Service; the tokens still carry the public issuer).
  local dir="$1" jwks="${C2C_GATEWAY_JWKS_URL:-$ISSUER/protocol/openid-connect/certs}" json kid x5c n=0
  [[ "$jwks" =~ ^https?://[A-Za-z0-9.:/_-]+$ ]] || die "C2C_GATEWAY_JWKS_URL must be an http(s) URL (is '$jwks')"
  json=$(curl -fsS --max-time 10 --retry 5 --retry-connrefused --retry-delay 2 "$jwks") || die "cannot fetch the realm's keys from $jwks (is Keycloak up?)"
  mkdir -p "$dir"
  while IFS=$'\t' read -r kid x5c; do
    if ! [[ "$kid" =~ ^[A-Za-z0-9_-]{1,128}$ ]]; then step "skipping realm key with unusual kid '$kid'"; continue; fi
    { echo "-----BEGIN CERTIFICATE-----"; fold -w 64 <<<"$x5c"; echo "-----END CERTIFICATE-----"; } \
      | openssl x509 -pubkey -noout > "$dir/$kid.pem" || die "realm key $kid: its x5c is not a certificate"
    n=$((n + 1))
  done < <(jq -r '.keys[] | select(.kty == "RSA" and .alg == "RS256" and (.use // "sig") == "sig" and (.x5c | length) > 0)
                  | [.kid, .x5c[0]] | @tsv' <<<"$json")
  [ "$n" -gt 0 ] || die "the realm publishes no RS256 signing key at $jwks"
  if [ -n "${C2C_GATEWAY_TEST_KEYS_DIR:-}" ]; then
    local pem
    for pem in "$C2C_GATEWAY_TEST_KEYS_DIR"/*.pem; do
      [ -f "$pem" ] || continue
      kid=$(basename "$pem" .pem)
      [[ "$kid" =~ ^[A-Za-z0-9_-]{1,128}$ ]] || die "test key $pem: its name must be <kid>.pem"
      openssl pkey -pubin -in "$pem" -out "$dir/$kid.pem" 2>/dev/null || die "test key $pem is not a public key"
      step "TRUSTING TEST KEY $kid from $C2C_GATEWAY_TEST_KEYS_DIR (for checks only)"
    done
  fi
}

kids_in() { (cd "$1" && ls -- *.pem | sed 's/\.pem$//'); }

# local_instances SERVICE PORT: the service's local instances as services.sh recorded them (C2C_REPLICAS):
# 127.0.0.1:PORT, then 127.0.0.1:PORT+10 for <service>-2 and PORT+20 for <service>-3 when those run.
local_instances() {
  local list="127.0.0.1:$2" n
  for n in 2 3; do [ -f "$PIDS/$1-$n.pid" ] && list+=",127.0.0.1:$(instance_port "$2" "$n")"; done
  echo "$list"
}

# server_lines NAME UPSTREAMS [CHECKED]: one HAProxy server line per address (NAME, NAME-2, ...). CHECKED (the
# matching engine's instances, ADR 0017): with more than one, each is health-checked every second, so calls go
# only to the one that leads; a standby's readiness is DOWN.
server_lines() {
  local name="$1" addr n=1 lines="" check=""
  [ -n "${3:-}" ] && [[ "$2" == *,* ]] && check=" check inter 1s fall 1 rise 1"
  for addr in ${2//,/ }; do
    lines+="server $name$([ "$n" = 1 ] || echo "-$n") $addr$check"$'\n    '; n=$((n + 1))
  done
  echo "${lines%$'\n    '}"
}

# render KEYDIR: the configuration from the template, with one signature rule per key.
render() {
  local keydir="$1" out="$2" kid rules="" tpl
  for kid in $(kids_in "$keydir"); do
    rules+="    http-request set-var(txn.sig) http_auth_bearer,jwt_verify(txn.alg,\"$keydir/$kid.pem\") if has_bearer !why_set { var(txn.kid) -m str -- $kid }"$'\n'
  done
  tpl=$(<"$SRC/haproxy.cfg.template")
  tpl=${tpl//@@KEY_RULES@@/${rules%$'\n'}}
  tpl=${tpl//@@PROBLEMS@@/$SRC/problems}
  tpl=${tpl//@@CORS_ORIGINS@@/${CORS_ORIGINS:-no-cors-origin-configured}}
  tpl=${tpl//@@RATE_IP_LIMIT@@/$((RATE_PER_IP * RATE_WINDOW_S))}
  tpl=${tpl//@@RATE_CLIENT_LIMIT@@/$((RATE_PER_CLIENT * RATE_WINDOW_S))}
  tpl=${tpl//@@RATE_EXPIRE_S@@/$((RATE_WINDOW_S * 2))}
  tpl=${tpl//@@ORDER_SERVERS@@/$(server_lines order-service "$ORDER_UPSTREAM")}
  tpl=${tpl//@@MATCHING_SERVERS@@/$(server_lines matching-service "$MATCHING_UPSTREAM" checked)}
  tpl=${tpl//@@WALLET_SERVERS@@/$(server_lines wallet-service "$WALLET_UPSTREAM")}
  tpl=${tpl//@@ESCROW_SERVERS@@/$(server_lines escrow-service "$ESCROW_UPSTREAM")}
  tpl=${tpl//@@CHAIN_SERVERS@@/$(server_lines chain-watcher "$CHAIN_UPSTREAM")}
  local v
  for v in $SETTINGS_NAMES; do
    tpl=${tpl//@@$v@@/${!v}}
  done
  [[ "$tpl" != *@@* ]] || die "template left a placeholder unfilled: $(grep -o '@@[A-Z_]*@@' <<<"$tpl" | head -1)"
  printf '%s\n' "$tpl" > "$out"
  # Not -q: that hides the alerts too, and a CI run once failed here with nothing to read. A failure is
  # reported with HAProxy's own words, and tried once more, in case it was the machine, not the file.
  if ! haproxy -c -f "$out" >"$GW/check.log" 2>&1; then
    cat "$GW/check.log" >&2
    step "HAProxy refused the rendered configuration (exit above); checking it once more"
    sleep 1
    haproxy -c -f "$out" >"$GW/check.log" 2>&1 || { cat "$GW/check.log" >&2; die "the rendered configuration $out is not valid"; }
  fi
}

# prepare: fresh keys into a new versioned folder and a configuration that uses them (not yet live).
prepare() {
  local keydir
  keydir="$GW/keys-$(date +%s%N)"
  fetch_keys "$keydir"
  KIDS=$(kids_in "$keydir")
  render "$keydir" "$CFG.next"
  KEYDIR="$keydir"
}

# forget_old_keys: every key folder but the live one (HAProxy reads the PEMs only while loading).
forget_old_keys() {
  local d
  for d in "$GW"/keys-*; do [ "$d" = "$KEYDIR" ] || rm -rf "$d"; done
}

workers() { pgrep -P "$(pid_of gateway)" 2>/dev/null | sort || true; }

start() {
  if pid_alive gateway; then
    step "gateway already running (pid $(pid_of gateway)); reload-keys refreshes its keys, stop + start its settings"
    return 0
  fi
  resolve_settings
  require_free_port gateway "$PORT"
  ensure_packages
  prepare
  save_settings
  mv "$CFG.next" "$CFG"
  forget_old_keys
  step "starting the gateway (HAProxy $(haproxy -v | awk 'NR==1{print $3}')) on http://$BIND:$PORT, keys: $(echo $KIDS) (log $LOG)"
  # -W: master-worker; the master (the recorded PID) re-reads the configuration on SIGUSR2 and hands
  # the listening sockets to a new worker while the old one finishes its requests.
  start_bg gateway "$LOG" haproxy -W -f "$CFG"
  wait_ready gateway 20 "$LOG" port_open "$PORT"
  step "gateway ready on http://$BIND:$PORT (rate per IP $RATE_PER_IP/s, per client $RATE_PER_CLIENT/s over ${RATE_WINDOW_S}s; body <= $MAX_BODY_BYTES bytes)"
}

reload_keys() {
  pid_alive gateway || die "the gateway is not running (start it: $0 start)"
  [ -f "$SETTINGS" ] || die "no settings recorded in $SETTINGS; restart the gateway"
  # shellcheck disable=SC1090
  set -a; source "$SETTINGS"; set +a
  resolve_settings
  prepare
  local before after new
  before=$(workers)
  mv "$CFG.next" "$CFG"
  step "reloading the gateway with keys: $(echo $KIDS)"
  kill -USR2 "$(pid_of gateway)"
  # Done when a worker appears that was not there before; the old one drains and exits by itself.
  local deadline=$(( $(date +%s) + 20 ))
  while :; do
    after=$(workers)
    new=$(comm -13 <(echo "$before") <(echo "$after") | head -1)
    [ -n "$new" ] && break
    [ "$(date +%s)" -lt "$deadline" ] || { tail -n 20 "$LOG" >&2; die "the gateway did not start a new worker after the reload; see $LOG"; }
    sleep 0.2
  done
  forget_old_keys
  step "gateway reloaded (new worker $new; older ones finish their requests, at most ${DRAIN_S}s)"
}

stop() { stop_server gateway 10 stop_group; }

status() {
  local port=8080 kids
  [ -f "$SETTINGS" ] && port=$(sed -n 's/^C2C_GATEWAY_PORT=//p' "$SETTINGS")
  kids=$(ls "$GW"/keys-*/ 2>/dev/null | sed -n 's/\.pem$//p' | tr '\n' ' ')
  server_status gateway "$port" "$LOG" "haproxy; workers $(workers | tr '\n' ' ')keys ${kids% }"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  reload-keys) reload_keys ;;
  *) echo "usage: $0 start | stop | status | reload-keys" >&2; exit 2 ;;
esac
