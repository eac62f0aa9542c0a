#!/usr/bin/env bash
# A complete C2C trade through the running platform (start it with deploy/local/up.sh), step by step:
# fund a seller by a real USDT deposit on the local chain (pending, then credited at the chain's depth), post a SELL ad, a buyer places an order, the seller's USDT is locked in escrow, the
# buyer marks the fiat paid, the seller confirms and escrow releases the USDT to the buyer (minus the
# fee). Prints every step and the final balances; exits non-zero if any step did not happen or if the
# ledger does not balance. Every call goes through the API gateway with a real access token of a person
# this run creates in the development realm (deploy/local/identity.sh).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/identity.sh"
command -v jq >/dev/null || { step "installing jq (Debian package)"; (apt-get update -q && apt-get install -y -q jq) >/dev/null; }

API=${C2C_API_URL:-http://127.0.0.1:8080}
ORDER=$API; MATCHING=$API; WALLET=$API; ESCROW=$API; CHAIN=$API
TIMEOUT_S=${C2C_DEMO_TIMEOUT_S:-60}
run=$(date +%H%M%S)-$$
SELLER="demo-seller-$run"; BUYER="demo-buyer-$run"; ADMIN="demo-admin-$run"
declare -A TOKEN
step "0. creating the seller, the buyer and an admin in Keycloak (realm c2c) and signing them in"
TOKEN[$SELLER]=$(person_token "$SELLER") && TOKEN[$BUYER]=$(person_token "$BUYER") \
  && TOKEN[$ADMIN]=$(person_token "$ADMIN" admin) || die "Keycloak could not create the demo's people"

# call METHOD URL USER [UNUSED] [JSON]: prints the body; dies on a status other than 2xx.
call() {
  local method="$1" url="$2" user="$3" body="${5:-}" out status
  local args=(-sS -o /tmp/c2c-demo.$$ -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOKEN[$user]}")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d "$body")
  status=$(curl "${args[@]}" "$url") || die "$method $url: no answer (is the platform up? deploy/local/up.sh)"
  out=$(cat /tmp/c2c-demo.$$); rm -f /tmp/c2c-demo.$$
  case "$status" in 2??) printf '%s' "$out" ;; *) die "$method $url answered $status: $out" ;; esac
}
# await WHAT SECONDS COMMAND...: polls until the command succeeds, or dies after the deadline.
await() {
  local what="$1" deadline=$(( $(date +%s) + $2 )); shift 2
  until "$@"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$what did not happen within ${TIMEOUT_S}s"
    sleep 0.2
  done
}
field() { jq -r "$1" <<<"$2"; }
ad_active() { [ "$(field .status "$(call GET "$ORDER/api/v1/ads/$AD" "$SELLER")")" = ACTIVE ]; }
trade_is() { ORDER_JSON=$(call GET "$ORDER/api/v1/orders/$ORDER_ID" "$BUYER"); [ "$(field .tradeStatus "$ORDER_JSON")" = "$1" ]; }
balances() { call GET "$WALLET/api/v1/wallet/admin/balances/$1" "$ADMIN" | jq -r '.[] | select(.asset=="USDT") | "available \(.available), reserved \(.reserved), locked \(.locked), pending \(.pending)"'; }

step "1. open market USDT-CNY (tick 0.01) if it is not open yet"
curl -sS -o /dev/null -X POST -H "Authorization: Bearer ${TOKEN[$ADMIN]}" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -d '{"asset":"USDT","fiat":"CNY","tickSize":"0.01"}' "$MATCHING/api/v1/markets" || die "matching-service does not answer"

step "2. fund the seller $SELLER with 1000 USDT by a real deposit on the local chain"
DEPOSIT_ADDRESS=$(field .address "$(call POST "$WALLET/api/v1/wallet/deposit-addresses" "$SELLER" '' '{"chainId":31337}')")
step "   the seller's deposit address on chain 31337: $DEPOSIT_ADDRESS"
read -r DEPOSIT_TX DEPOSIT_BLOCK < <(node "$ROOT/deploy/chain/send.mjs" transfer "$DEPOSIT_ADDRESS" 1000 0) \
  || die "the deposit transfer failed (is the chain up? deploy/local/anvil.sh status)"
step "   sent 1000 USDT from dev account 0: tx $DEPOSIT_TX in block $DEPOSIT_BLOCK"
CONFIRMATIONS=$(call GET "$CHAIN/api/v1/chains" "$ADMIN" | jq -r '.[] | select(.chainId==31337) | .confirmations')
pending_seen() { call GET "$WALLET/api/v1/wallet/admin/balances/$SELLER" "$ADMIN" | jq -e '.[] | select(.asset=="USDT") | (.pending|tonumber) == 1000' >/dev/null; }
await "deposit $DEPOSIT_TX pending" "$TIMEOUT_S" pending_seen
step "   chain-watcher saw it: pending until $CONFIRMATIONS confirmations; seller: $(balances "$SELLER")"
# The local chain mines only when asked (or when a transaction arrives): the deposit's block counts as one.
node "$ROOT/deploy/chain/send.mjs" mine $(( CONFIRMATIONS - 1 )) >/dev/null || die "mining the confirmations failed"
credited() { call GET "$WALLET/api/v1/wallet/admin/balances/$SELLER" "$ADMIN" | jq -e '.[] | select(.asset=="USDT") | (.available|tonumber) == 1000' >/dev/null; }
await "deposit $DEPOSIT_TX credited at $CONFIRMATIONS confirmations" "$TIMEOUT_S" credited
step "   $CONFIRMATIONS confirmations: credited once; seller: $(balances "$SELLER")"

step "3. the seller posts a SELL ad: 500 USDT at 7.20 CNY, orders 100-3600 CNY, ALIPAY, 15 min to pay"
AD=$(field .id "$(call POST "$ORDER/api/v1/ads" "$SELLER" '' \
  '{"side":"SELL","asset":"USDT","fiat":"CNY","price":"7.20","quantity":"500","minOrder":"100","maxOrder":"3600","paymentMethods":["ALIPAY"],"paymentWindowMinutes":15,"terms":"Alipay only, name must match"}')")
await "ad $AD active" "$TIMEOUT_S" ad_active
step "   ad $AD is ACTIVE on the book; seller: $(balances "$SELLER")"

step "4. the buyer $BUYER looks at the public listing (SELL ads for 720.00 CNY by ALIPAY, best price first)"
LISTING=$(call GET "$ORDER/api/v1/markets/USDT-CNY/ads?side=SELL&paymentMethod=ALIPAY&amount=720.00&limit=3" "$BUYER")
jq -r '.items[] | "     ad \(.id)  \(.price) CNY  \(.remaining) USDT left  \(.minOrder)-\(.maxOrder) CNY"' <<<"$LISTING"
step "   and takes the seller's ad: buy USDT for 720.00 CNY by ALIPAY"
ORDER_JSON=$(call POST "$ORDER/api/v1/orders" "$BUYER" '' \
  "{\"side\":\"BUY\",\"asset\":\"USDT\",\"adId\":\"$AD\",\"mode\":\"AD_FIAT\",\"amount\":\"720.00\",\"paymentMethod\":\"ALIPAY\"}")
ORDER_ID=$(field .id "$ORDER_JSON")
await "order $ORDER_ID matched and the seller's USDT locked" "$TIMEOUT_S" trade_is LOCKED
TRADE=$(field .tradeId "$ORDER_JSON")
TRADE_JSON=$(call GET "$ESCROW/api/v1/trades/$TRADE" "$BUYER")
step "   order $ORDER_ID matched: trade $TRADE, $(field .quantity "$TRADE_JSON") USDT for $(field .fiatAmount "$TRADE_JSON") CNY, LOCKED in escrow, pay by $(field .deadline "$TRADE_JSON")"
step "   seller: $(balances "$SELLER")"

step "5. the buyer pays 720.00 CNY off-platform and marks the trade paid"
TRADE_JSON=$(call POST "$ESCROW/api/v1/trades/$TRADE/paid" "$BUYER" '' '{}')
step "   trade is $(field .status "$TRADE_JSON"); the seller must confirm by $(field .deadline "$TRADE_JSON")"

step "6. the seller sees the money arrive and confirms: escrow releases the USDT"
TRADE_JSON=$(call POST "$ESCROW/api/v1/trades/$TRADE/confirm" "$SELLER" '' '{}')
step "   trade is $(field .status "$TRADE_JSON")"
await "USDT released to the buyer" "$TIMEOUT_S" trade_is COMPLETED
TRADE_JSON=$(call GET "$ESCROW/api/v1/trades/$TRADE" "$BUYER")
step "   trade COMPLETED; fee $(field .fee "$TRADE_JSON") USDT"

step "7. the seller takes the ad down: what it still held goes back to available"
AD_JSON=$(call POST "$ORDER/api/v1/ads/$AD/cancel" "$SELLER" '' '{}')
step "   ad is $(field .status "$AD_JSON")"
seller_released() { call GET "$WALLET/api/v1/wallet/admin/balances/$SELLER" "$ADMIN" | jq -e '.[] | select(.asset=="USDT") | (.reserved|tonumber) == 0' >/dev/null; }
await "the ad's reservation released" "$TIMEOUT_S" seller_released

step "8. final balances"
step "   seller: $(balances "$SELLER")"
step "   buyer:  $(balances "$BUYER")"
TOTALS=$(call GET "$WALLET/api/v1/wallet/admin/totals" "$ADMIN")
jq -r '.[] | "   ledger \(.asset): entries sum \(.entriesSum), balanced \(.balanced)"' <<<"$TOTALS"
jq -e 'all(.[]; .balanced == true)' <<<"$TOTALS" >/dev/null || die "the ledger does not balance"
held=$(jq -n --argjson s "$(call GET "$WALLET/api/v1/wallet/admin/balances/$SELLER" "$ADMIN")" \
  --argjson b "$(call GET "$WALLET/api/v1/wallet/admin/balances/$BUYER" "$ADMIN")" --arg fee "$(field .fee "$TRADE_JSON")" \
  '[($s + $b)[] | select(.asset=="USDT") | (.available|tonumber) + (.reserved|tonumber) + (.locked|tonumber)] | add + ($fee|tonumber)')
[ "$(jq -n "$held * 1000000 | round")" = 1000000000 ] || die "seller + buyer + fee = $held USDT, not the 1000 funded"
step "demo passed: 1000 USDT funded = seller + buyer + fee ($held); ledger balanced"
