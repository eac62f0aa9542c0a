#!/usr/bin/env bash
# Checks the API gateway's behaviour end to end: one PASS/FAIL line each, exit status 1 if any failed.
# It starts its own gateway with deploy/local/gateway.sh (port 18080, state in a /tmp folder) in front of
# stub services (stub-upstream.py on 18081-18085), against the running Keycloak (realm c2c, users
# alice and bob), and stops all of it at the end; a gateway on 8080 and the real services are untouched.
# Tokens Keycloak will not issue (expired, other keys, alg none, HS256, wrong claims) are forged with
# forge-token.py and keys generated here; the gateway trusts the check's keys through
# C2C_GATEWAY_TEST_KEYS_DIR, which only this check sets.
# Usage: deploy/gateway/check.sh      (C2C_CHECK_KEEP=1 keeps the work folder, logs included)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
GATEWAY="$ROOT/deploy/local/gateway.sh"
ISSUER="${C2C_GATEWAY_ISSUER:-http://127.0.0.1:8180/realms/c2c}"
PORT="${C2C_CHECK_GATEWAY_PORT:-18080}"
STUB_BASE="${C2C_CHECK_STUB_BASE:-18081}"
GW="http://127.0.0.1:$PORT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/c2c-gateway-check.XXXXXX")
export C2C_STATE_DIR="$WORK/state" # lib.sh keeps this gateway's PID, log, keys and settings there
SERVICES=(order-service matching-service wallet-service escrow-service chain-watcher)
declare -A STUB_PID=()
# The system's Python when there is one: a version manager's shim can cost a second per call.
PY=$(command -v /usr/bin/python3 || command -v python3)
passed=0 failed=0

cleanup() {
  bash "$GATEWAY" stop >>"$WORK/gateway.sh.log" 2>&1 || true
  local s
  for s in "${!STUB_PID[@]}"; do kill "${STUB_PID[$s]}" 2>/dev/null || true; done
  if [ "${C2C_CHECK_KEEP:-0}" = 1 ]; then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

pass() { printf 'PASS  %s\n' "$1"; passed=$((passed + 1)); }
fail() { printf 'FAIL  %s -- %s\n' "$1" "$2"; failed=$((failed + 1)); }
# ok NAME CONDITION: PASS when the bash condition (a string, evaluated here) holds.
ok() { if eval "$2"; then pass "$1"; else fail "$1" "not true: $2"; fi; }

# call [curl args...]: one request; CODE is its status, headers and body are kept for hdr/jbody.
call() { CODE=$(curl -sS -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 20 "$@" 2>"$WORK/curl.err") || CODE=000; }
hdr() { grep -i "^$1:" "$WORK/headers" | tail -1 | cut -d: -f2- | sed 's/^ //; s/\r$//'; }
# jbody EXPR: a Python expression over the last body parsed as JSON (d); empty when it is not JSON.
jbody() { "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$WORK/body" "$1" 2>/dev/null || true; }

# expect NAME STATUS [STUB]: the last call answered STATUS, from that stub, or else (4xx/5xx) as a problem.
expect() {
  local name="$1" want="$2" stub="${3:-}" got
  if [ "$CODE" != "$want" ]; then fail "$name" "status $CODE, expected $want: $(head -c 300 "$WORK/body")"; return; fi
  if [ -n "$stub" ]; then
    got=$(jbody 'd["upstream"]')
    [ "$got" = "$stub" ] || { fail "$name" "answered by ${got:-the gateway}, expected $stub"; return; }
  elif [[ "$want" == [45]* ]] && ! is_problem "$want"; then
    fail "$name" "not an RFC 9457 problem: content-type '$(hdr content-type)', body $(head -c 300 "$WORK/body")"; return
  fi
  pass "$name"
}
is_problem() { # STATUS: the last answer is an RFC 9457 problem shaped like the services' (platform/web Problem)
  [ "$(hdr content-type)" = application/problem+json ] && [ "$(jbody '(d["status"] == '"$1"' and d["type"].startswith("https://c2c.dev/problems/")
    and len(d["type"]) > 26 and bool(d["title"]) and bool(d["detail"]))')" = True ]
}

start_stub() { # NAME PORT
  "$PY" "$HERE/stub-upstream.py" "$1" "$2" >>"$WORK/stubs.log" 2>&1 &
  STUB_PID[$1]=$!
}
gateway() { # [VAR=value...] start|stop|reload-keys: the check's gateway, its script's output in a log
  env C2C_GATEWAY_PORT="$PORT" C2C_GATEWAY_ISSUER="$ISSUER" C2C_GATEWAY_TIMEOUT_SERVER_S=3 \
    C2C_GATEWAY_ORDER_UPSTREAM="127.0.0.1:$STUB_BASE" C2C_GATEWAY_MATCHING_UPSTREAM="127.0.0.1:$((STUB_BASE + 1))" \
    C2C_GATEWAY_WALLET_UPSTREAM="127.0.0.1:$((STUB_BASE + 2))" C2C_GATEWAY_ESCROW_UPSTREAM="127.0.0.1:$((STUB_BASE + 3))" \
    C2C_GATEWAY_CHAIN_UPSTREAM="127.0.0.1:$((STUB_BASE + 4))" "$@" >>"$WORK/gateway.sh.log" 2>&1 \
    || { tail -n 30 "$WORK/gateway.sh.log" "$C2C_STATE_DIR/logs/gateway.log" >&2; echo "gateway.sh $* failed" >&2; exit 1; }
}
realm_token() { # USER: an access token from the realm (password grant, public client c2c-frontend)
  curl -fsS --max-time 10 -d grant_type=password -d client_id=c2c-frontend -d username="$1" -d password="$1" \
    "$ISSUER/protocol/openid-connect/token" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
BASE_CLAIMS="{\"iss\":\"$ISSUER\",\"aud\":[\"c2c-api\",\"account\"],\"typ\":\"Bearer\",\"azp\":\"c2c-check\",\"sub\":\"check-user\",\"exp\":\"+300\"}"
# forge ALG KID KEY [CLAIMS_OVERRIDES_JSON]: a token over the base claims with some replaced ("drop": [names] removes).
forge() {
  local claims
  claims=$("$PY" -c 'import json,sys; d=json.loads(sys.argv[1]); o=json.loads(sys.argv[2])
for k in o.pop("drop", []): d.pop(k, None)
d.update(o); print(json.dumps(d))' "$BASE_CLAIMS" "${4:-{\}}")
  "$PY" "$HERE/forge-token.py" "$1" "$2" "$3" "$claims"
}

# ---- set-up ----------------------------------------------------------------------------------------
for p in "$PORT" $(seq "$STUB_BASE" $((STUB_BASE + 6))); do
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && { echo "port $p is in use; set C2C_CHECK_GATEWAY_PORT / C2C_CHECK_STUB_BASE" >&2; exit 2; }
done
echo "waiting for the realm at $ISSUER (up to 10 minutes)"
for _ in $(seq 600); do curl -fsS -o /dev/null --max-time 5 "$ISSUER" && break; sleep 1; done
curl -fsS -o /dev/null --max-time 5 "$ISSUER" || { echo "the realm $ISSUER is not reachable" >&2; exit 2; }

for i in "${!SERVICES[@]}"; do start_stub "${SERVICES[$i]}" $((STUB_BASE + i)); done
mkdir -p "$WORK/keys-a" "$WORK/keys-ab" "$WORK/keys-b"
for k in a b; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/$k.key" 2>/dev/null
  openssl pkey -in "$WORK/$k.key" -pubout -out "$WORK/keys-$k/check-$k.pem"
  cp "$WORK/keys-$k/check-$k.pem" "$WORK/keys-ab/"
done
gateway C2C_GATEWAY_TEST_KEYS_DIR="$WORK/keys-a" C2C_GATEWAY_RATE_PER_IP=200 C2C_GATEWAY_RATE_PER_CLIENT=200 bash "$GATEWAY" start
REALM_KID=$(curl -fsS "$ISSUER/protocol/openid-connect/certs" \
  | "$PY" -c 'import json,sys; print([k["kid"] for k in json.load(sys.stdin)["keys"] if k.get("alg") == "RS256"][0])')
REALM_PEM=$(ls "$C2C_STATE_DIR"/gateway/keys-*/"$REALM_KID.pem")
fresh_tokens() { ALICE=$(realm_token alice); BOB=$(realm_token bob); A="Authorization: Bearer $ALICE"; } # they live 5 minutes
fresh_tokens
echo "gateway on $GW (realm key $REALM_KID, test key check-a), stubs on $STUB_BASE-$((STUB_BASE + 4))"

# ---- tokens ----------------------------------------------------------------------------------------
call "$GW/api/v1/orders"; expect "no token -> 401 problem" 401
ok "no token -> WWW-Authenticate: Bearer" '[[ "$(hdr www-authenticate)" == Bearer* ]]'
call -H "$A" "$GW/api/v1/orders?limit=1"; expect "alice's realm token -> order-service" 200 order-service
ok "the Authorization header reaches the service intact" '[ "$(jbody "d[\"headers\"].get(\"authorization\")")" = "Bearer $ALICE" ]'
rid_fwd=$(jbody 'd["headers"].get("x-request-id", "")')
ok "X-Request-Id generated (a UUID), sent to the service and returned" \
  '[[ "$rid_fwd" =~ ^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$ && "$(hdr x-request-id)" = "$rid_fwd" ]]'
call -H "$A" -H "X-Request-Id: check-1.A_b" "$GW/api/v1/orders"
ok "a sane X-Request-Id is kept" '[ "$(jbody "d[\"headers\"][\"x-request-id\"]")" = check-1.A_b ] && [ "$(hdr x-request-id)" = check-1.A_b ]'
call -H "$A" -H "X-Request-Id: <script>x</script>" "$GW/api/v1/orders"
ok "an X-Request-Id with other characters is replaced" '[[ "$(hdr x-request-id)" =~ ^[0-9a-f-]{36}$ && "$(jbody "d[\"headers\"][\"x-request-id\"]")" = "$(hdr x-request-id)" ]]'
call -H "$A" -H "X-Request-Id: $(printf 'a%.0s' $(seq 65))" "$GW/api/v1/orders"
ok "an X-Request-Id over 64 characters is replaced" '[[ "$(hdr x-request-id)" =~ ^[0-9a-f-]{36}$ ]]'
call -H "$A" -H "X-User-Id: admin1" -H "X-User-Roles: admin,arbiter" -H "X-Forwarded-For: 6.6.6.6" "$GW/api/v1/orders"
ok "X-User-Id and X-User-Roles from outside never reach a service" '[ "$(jbody "sorted(k for k in d[\"headers\"] if k.startswith(\"x-user\"))")" = "[]" ]'
ok "a client's X-Forwarded-For is replaced by its address" '[ "$(jbody "d[\"headers\"].get(\"x-forwarded-for\")")" = 127.0.0.1 ]'

KA="$WORK/a.key" KB="$WORK/b.key"
call -H "Authorization: Bearer $(forge RS256 check-a "$KA")" "$GW/api/v1/orders"
expect "a second key (kid check-a) is accepted alongside the realm's (one PEM per kid)" 200 order-service
call -H "Authorization: Bearer $(forge RS256 check-a "$KA" '{"exp":"-5"}')" "$GW/api/v1/orders"; expect "expired token -> 401" 401
ok "... saying it expired, with error=invalid_token" '[[ "$(jbody "d[\"detail\"]")" == *expired* && "$(hdr www-authenticate)" == *invalid_token* ]]'
call -H "Authorization: Bearer $(forge RS256 check-a "$KA" '{"drop":["exp"]}')" "$GW/api/v1/orders"; expect "token without exp -> 401" 401
call -H "Authorization: Bearer $(forge RS256 check-a "$KB")" "$GW/api/v1/orders"; expect "token signed by another key under a trusted kid -> 401" 401
call -H "Authorization: Bearer $(forge RS256 "$REALM_KID" "$KA")" "$GW/api/v1/orders"; expect "token naming the realm's kid, signed by another key -> 401" 401
call -H "Authorization: Bearer $(forge RS256 check-b "$KB")" "$GW/api/v1/orders"; expect "token with an unknown kid -> 401" 401
call -H "Authorization: Bearer $(forge RS256 - "$KA")" "$GW/api/v1/orders"; expect "token with no kid -> 401" 401
call -H "Authorization: Bearer $(forge none "$REALM_KID" -)" "$GW/api/v1/orders"; expect "alg none -> 401" 401
call -H "Authorization: Bearer $(forge HS256 "$REALM_KID" "$REALM_PEM")" "$GW/api/v1/orders"; expect "HS256 keyed with the realm's public key -> 401" 401
call -H "Authorization: Bearer $(forge RS256 check-a "$KA" '{"iss":"http://127.0.0.1:8180/realms/master"}')" "$GW/api/v1/orders"; expect "wrong issuer -> 401" 401
call -H "Authorization: Bearer $(forge RS256 check-a "$KA" '{"aud":"account"}')" "$GW/api/v1/orders"; expect "wrong audience -> 401" 401
call -H "Authorization: Bearer $(forge RS256 check-a "$KA" '{"aud":"c2c-api"}')" "$GW/api/v1/orders"; expect "audience as a single string -> accepted" 200 order-service
call -H "Authorization: Bearer $(forge RS256 check-a "$KA" '{"typ":"ID"}')" "$GW/api/v1/orders"; expect "an ID token (typ ID) -> 401" 401
call -H "Authorization: Basic YWxpY2U6YWxpY2U=" "$GW/api/v1/orders"; expect "Basic credentials -> 401" 401
call -H "Authorization: Bearer not.a.jwt" "$GW/api/v1/orders"; expect "a token that is not a JWT -> 401" 401

# ---- public reads --------------------------------------------------------------------------------------
call "$GW/api/v1/markets/USDT-CNY/ads?side=SELL"; expect "public ad listing without a token -> order-service" 200 order-service
call "$GW/api/v1/markets/USDT-CNY/book"; expect "public book without a token -> matching-service" 200 matching-service
call -H "Authorization: Bearer $(forge RS256 check-a "$KA" '{"exp":"-5"}')" "$GW/api/v1/markets/USDT-CNY/ads"
expect "public listing with an invalid token -> still 401" 401
call -X POST -H 'Content-Type: application/json' -d '{}' "$GW/api/v1/markets/USDT-CNY/ads"; expect "POST to a public path without a token -> 401" 401
call "$GW/api/v1/markets/USDT-CNY"; expect "a market (public, like its listing and book) without a token -> matching-service" 200 matching-service

# ---- routes -------------------------------------------------------------------------------------------
while read -r path stub; do
  call -H "$A" "$GW$path"; expect "route $path -> $stub" 200 "$stub"
done <<EOF
/api/v1/ads order-service
/api/v1/ads/7b0e/pause order-service
/api/v1/orders/7b0e order-service
/api/v1/markets/USDT-CNY/ads order-service
/api/v1/maker/ads order-service
/api/v1/admin/reference-prices/CNY order-service
/api/v1/reference-prices order-service
/api/v1/markets matching-service
/api/v1/markets/USDT-CNY matching-service
/api/v1/markets/USDT-CNY/book matching-service
/api/v1/wallet/balances wallet-service
/api/v1/wallet/admin/credits wallet-service
/api/v1/trades/7b0e/paid escrow-service
/api/v1/disputes escrow-service
/api/v1/chains/31337/addresses chain-watcher
/api/v1/watched-addresses chain-watcher
/api/v1/audit/wallet-service wallet-service
/api/v1/dead-letters/escrow-service escrow-service
/api/v1/dead-letters/order-service/0-17/replay order-service
/api/v1/reconciliation/wallet-service wallet-service
/api/v1/reconciliation/order-service order-service
/api/v1/reconciliation/escrow-service escrow-service
EOF
for path in /q/health /q/metrics /q/swagger-ui /api/v1/q/health /api/v1/adsx /api/v1 / /api/v2/ads /api/v1/dead-letters/nobody /api/v1/reconciliation/nobody; do
  call -H "$A" "$GW$path"; expect "$path -> 404 problem" 404
done
for path in '/api/v1/ads/../../q/health' '/api/v1/ads/%2e%2e/%2E%2E/q/health' '/api/v1//ads' '/api/v1/ads;x=1' '/api/v1/ads%2f..%2fq'; do
  call --path-as-is -H "$A" "$GW$path"; expect "$path (not normal form) -> 400 problem" 400
done
call -X TRACE -H "$A" "$GW/api/v1/ads"; expect "TRACE -> 405 problem" 405
ok "... with Allow" '[[ "$(hdr allow)" == *GET* ]]'

# ---- bodies -------------------------------------------------------------------------------------------
head -c 1048577 /dev/zero > "$WORK/big"; head -c 1048576 /dev/zero > "$WORK/limit"
call -H "$A" -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/big" "$GW/api/v1/ads"; expect "a body of 1 MiB + 1 byte -> 413 problem" 413
call -H "$A" -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/limit" "$GW/api/v1/ads"
ok "a body of exactly 1 MiB reaches the service" '[ "$CODE" = 200 ] && [ "$(jbody "d[\"bodyBytes\"]")" = 1048576 ]'
call -H "$A" -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/json' --data-binary '{"a":1}' "$GW/api/v1/ads"
expect "a chunked body (no length) -> 411 problem" 411

fresh_tokens
# ---- CORS and headers -------------------------------------------------------------------------------
call -X OPTIONS -H 'Origin: http://localhost:5173' -H 'Access-Control-Request-Method: POST' \
  -H 'Access-Control-Request-Headers: authorization,content-type' "$GW/api/v1/orders"
ok "preflight from a configured origin -> 204 without a token" \
  '[ "$CODE" = 204 ] && [ "$(hdr access-control-allow-origin)" = http://localhost:5173 ] && [[ "$(hdr access-control-allow-headers)" == *Authorization* ]]'
call -X OPTIONS -H 'Origin: https://evil.example' -H 'Access-Control-Request-Method: POST' "$GW/api/v1/orders"
expect "preflight from another origin -> 403 problem" 403
ok "... and no Access-Control-Allow-Origin" '[ -z "$(hdr access-control-allow-origin)" ]'
call -H "$A" -H 'Origin: http://127.0.0.1:5173' "$GW/api/v1/orders"
ok "a configured origin gets Access-Control-Allow-Origin and X-Request-Id exposed" \
  '[ "$(hdr access-control-allow-origin)" = http://127.0.0.1:5173 ] && [[ "$(hdr access-control-expose-headers)" == *X-Request-Id* ]]'
call -H "$A" -H 'Origin: https://evil.example' "$GW/api/v1/orders"
ok "another origin gets no Access-Control-Allow-Origin" '[ "$CODE" = 200 ] && [ -z "$(hdr access-control-allow-origin)" ]'
for what in "a service's answer|-H|$A|$GW/api/v1/orders" "the gateway's own refusal|-H|X-None: 1|$GW/api/v1/orders"; do
  IFS='|' read -r label opt val url <<<"$what"
  call "$opt" "$val" "$url"
  ok "security headers on $label" '[ "$(hdr x-content-type-options)" = nosniff ] && [ "$(hdr x-frame-options)" = DENY ] \
    && [[ "$(hdr content-security-policy)" == *"frame-ancestors '"'"'none'"'"'"* ]] && [ "$(hdr referrer-policy)" = no-referrer ] \
    && [ "$(hdr cache-control)" = no-store ] && [ -n "$(hdr x-request-id)" ]'
done
ok "no Strict-Transport-Security over plain HTTP (it is set only on a TLS listener)" '[ -z "$(hdr strict-transport-security)" ]'

# ---- streams -------------------------------------------------------------------------------------------
curl -sN --max-time 10 -D "$WORK/sse.headers" -H "$A" "$GW/api/v1/stream" \
  | while IFS= read -r line; do [[ "$line" == data:* ]] && echo "$(date +%s.%N) $line"; done > "$WORK/sse" || true
sse_end=$(date +%s.%N)
ok "SSE streams through unbuffered (3 events; the first arrives >2 s before the stream ends)" \
  '[ "$(wc -l < "$WORK/sse")" = 3 ] && "$PY" -c "import sys; sys.exit(0 if float(sys.argv[2]) - float(sys.argv[1]) > 2 else 1)" "$(head -1 "$WORK/sse" | cut -d" " -f1)" "$sse_end" \
   && grep -qi "^content-type: text/event-stream" "$WORK/sse.headers"'
ws=$("$PY" - "$PORT" "$ALICE" <<'PY' 2>&1 || true
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(("GET /api/v1/stream/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nConnection: Upgrade\r\n"
           "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n" % sys.argv[2]).encode())
head = b""
while b"\r\n\r\n" not in head:
    head += s.recv(4096)
status = head.split(b"\r\n")[0].decode()
s.sendall(b"ping-42")
echo = s.recv(100).decode()
print(status.split(" ")[1], echo)
PY
)
ok "WebSocket upgrade passes through (101, then bytes both ways)" '[ "$ws" = "101 ping-42" ]'

# ---- services down, broken or slow ------------------------------------------------------------------
call -H "$A" "$GW/api/v1/wallet/garbage"; expect "a service answering garbage -> 502 problem" 502
call -H "$A" "$GW/api/v1/wallet/balances?slow=5"; expect "a service slower than timeout server (3 s here) -> 504 problem" 504
kill "${STUB_PID[chain-watcher]}"; wait "${STUB_PID[chain-watcher]}" 2>/dev/null || true; unset 'STUB_PID[chain-watcher]'
call -H "$A" "$GW/api/v1/chains/31337/addresses"; expect "a service that is down -> 503 problem" 503
ok "... with Retry-After" '[ "$(hdr retry-after)" = 1 ]'

fresh_tokens
# ---- key rotation and reload ---------------------------------------------------------------------------
TA=$(forge RS256 check-a "$KA"); TB=$(forge RS256 check-b "$KB")
# In flight: an answer 8 s away (on the stream route, whose server timeout is long), then a 3 s stream.
( curl -s -o "$WORK/inflight.body" -w '%{http_code}' --max-time 30 -H "$A" "$GW/api/v1/stream?slow=8" > "$WORK/inflight.code"; date +%s.%N > "$WORK/inflight.end" ) &
inflight=$!
( for i in $(seq 40); do curl -s -o /dev/null -w '%{http_code}\n' --max-time 5 "$GW/api/v1/markets/USDT-CNY/ads?i=$i"; sleep 0.05; done > "$WORK/during.codes" ) &
during=$!
sleep 0.5
gateway C2C_GATEWAY_TEST_KEYS_DIR="$WORK/keys-ab" bash "$GATEWAY" reload-keys
reload_end=$(date +%s.%N)
wait "$inflight" "$during"
ok "reload-keys while a request is in flight: it completes (200, whole stream) after the reload" \
  '[ "$(cat "$WORK/inflight.code")" = 200 ] && [ "$(grep -c ^data: "$WORK/inflight.body")" = 3 ] && "$PY" -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$reload_end" "$(cat "$WORK/inflight.end")"'
ok "no request refused or dropped during the reload (40 of 40 answered 200)" '[ "$(grep -c "^200$" "$WORK/during.codes")" = 40 ]'
call -H "Authorization: Bearer $TA" "$GW/api/v1/orders"; expect "after adding kid check-b: old kid check-a still accepted" 200 order-service
call -H "Authorization: Bearer $TB" "$GW/api/v1/orders"; expect "after adding kid check-b: new kid check-b accepted" 200 order-service
call -H "$A" "$GW/api/v1/orders"; expect "after the reload: the realm's key still accepted" 200 order-service
gateway C2C_GATEWAY_TEST_KEYS_DIR="$WORK/keys-b" bash "$GATEWAY" reload-keys
call -H "Authorization: Bearer $TA" "$GW/api/v1/orders"; expect "after retiring kid check-a: its tokens are refused" 401
call -H "Authorization: Bearer $TB" "$GW/api/v1/orders"; expect "after retiring kid check-a: kid check-b still accepted" 200 order-service

# ---- several instances of a service (C2C_REPLICAS locally, ADR 0015) ----------------------------------------
gateway bash "$GATEWAY" stop
start_stub order-service-2 $((STUB_BASE + 5))
start_stub matching-service-standby $((STUB_BASE + 6))
gateway C2C_GATEWAY_TEST_KEYS_DIR="$WORK/keys-a" C2C_GATEWAY_RATE_PER_IP=200 C2C_GATEWAY_RATE_PER_CLIENT=200 \
  C2C_GATEWAY_ORDER_UPSTREAM="127.0.0.1:$STUB_BASE,127.0.0.1:$((STUB_BASE + 5))" \
  C2C_GATEWAY_MATCHING_UPSTREAM="127.0.0.1:$((STUB_BASE + 6)),127.0.0.1:$((STUB_BASE + 1))" bash "$GATEWAY" start
fresh_tokens
for _ in $(seq 50); do curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$((STUB_BASE + 5))/" 2>/dev/null && break; sleep 0.1; done
served=$(for i in 1 2 3 4; do curl -sS -H "$A" "$GW/api/v1/orders?i=$i" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["upstream"])'; done | sort -u | tr '\n' ' ')
ok "two instances of order-service both take calls (${served% })" '[ "$served" = "order-service order-service-2 " ]'
kill "${STUB_PID[order-service-2]}"; wait "${STUB_PID[order-service-2]}" 2>/dev/null || true; unset 'STUB_PID[order-service-2]'
codes=$(for i in $(seq 6); do curl -s -o /dev/null -w '%{http_code} ' -H "$A" "$GW/api/v1/orders?i=$i"; done)
ok "one instance gone: every call still answered, by the other one (${codes% })" '[ "$codes" = "200 200 200 200 200 200 " ]'
call -H "$A" "$GW/api/v1/orders"; expect "... the survivor answers" 200 order-service
sleep 2 # the matching servers' first health checks (every second)
served=$(for i in 1 2 3 4 5 6; do curl -sS "$GW/api/v1/markets/USDT-CNY/book?i=$i" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["upstream"])'; done | sort | uniq -c | tr -s ' ' | tr '\n' ';')
ok "matching engine instances: calls go only to the one that is ready, none to the standby (${served% })" \
  '[ "$served" = " 6 matching-service;" ]'
ok "a list of upstreams with junk is refused at start" \
  '! env C2C_STATE_DIR="$WORK/state-junk" C2C_GATEWAY_PORT=$((PORT + 1)) C2C_GATEWAY_ORDER_UPSTREAM="127.0.0.1:1,;x" bash "$GATEWAY" start >"$WORK/junk.log" 2>&1 && grep -q "several separated by commas" "$WORK/junk.log"'

# ---- admission control (a restart with 2 calls in flight per instance, a 1 s queue) -------------------------
gateway bash "$GATEWAY" stop
gateway C2C_GATEWAY_RATE_PER_IP=200 C2C_GATEWAY_RATE_PER_CLIENT=200 C2C_GATEWAY_MAX_IN_FLIGHT=2 \
  C2C_GATEWAY_QUEUE_TIMEOUT_S=1 bash "$GATEWAY" start
fresh_tokens
# busy N SECONDS: N calls to the wallet stub that each take that long, in the background (PIDs in BUSY); their
# codes in busy.codes.
busy() {
  local i; BUSY=()
  for i in $(seq "$1"); do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 20 -H "$A" "$GW/api/v1/wallet/balances?slow=$2&b=$i" >> "$WORK/busy.codes" &
    BUSY+=($!)
  done
}
: > "$WORK/busy.codes"; busy 2 2.5; sleep 0.5 # under the check gateway's 3 s server timeout
t0=$(date +%s.%N)
call -H "$A" "$GW/api/v1/wallet/balances"; waited=$("$PY" -c "import time,sys; print(round(time.time() - float(sys.argv[1]), 1))" "$t0")
expect "a third call while two are in flight waits in the queue, then -> 503 problem" 503
ok "... after the queue timeout (waited ${waited} s of 1), with Retry-After" \
  '[ "$(hdr retry-after)" = 1 ] && "$PY" -c "import sys; sys.exit(0 if 0.9 <= float(sys.argv[1]) < 1.9 else 1)" "$waited"'
call -H "$A" "$GW/api/v1/orders"; expect "... another service is not held up by the busy one" 200 order-service
call -H "$A" "$GW/api/v1/stream"
ok "... nor are event streams (not counted): 200, the whole stream" '[ "$CODE" = 200 ] && [ "$(grep -c ^data: "$WORK/body")" = 3 ]'
wait "${BUSY[@]}"
ok "the two calls in flight were answered (200 200)" '[ "$(sort "$WORK/busy.codes" | tr "\n" " ")" = "200 200 " ]'
: > "$WORK/busy.codes"; busy 2 0.4; sleep 0.1
call -H "$A" "$GW/api/v1/wallet/balances"; expect "a call queued behind two short ones is served when a slot frees" 200 wallet-service
wait "${BUSY[@]}"

# ---- rate limits (a restart with low limits: 1 request/s per client, 3 per IP, over 10 s) ------------------
gateway bash "$GATEWAY" stop
gateway C2C_GATEWAY_RATE_PER_IP=3 C2C_GATEWAY_RATE_PER_CLIENT=1 bash "$GATEWAY" start
fresh_tokens
codes=$(for i in $(seq 15); do curl -s -o /dev/null -w '%{http_code} ' -H "Authorization: Bearer $BOB" "$GW/api/v1/orders?i=$i"; done)
call -H "Authorization: Bearer $BOB" "$GW/api/v1/orders"; expect "over the per-client limit -> 429 problem" 429
ok "... with Retry-After, after 10 answered (${codes% })" '[ "$(hdr retry-after)" = 1 ] && [ "$(grep -o 200 <<<"$codes" | wc -l)" = 10 ]'
call -H "$A" "$GW/api/v1/orders"; expect "another client from the same address is not limited by bob's count" 200 order-service
for i in $(seq 20); do curl -s -o /dev/null "$GW/api/v1/markets/USDT-CNY/ads?i=$i"; done
call "$GW/api/v1/markets/USDT-CNY/ads"; expect "over the per-IP limit (no token) -> 429 problem" 429
ok "... with Retry-After" '[ "$(hdr retry-after)" = 1 ]'

echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
