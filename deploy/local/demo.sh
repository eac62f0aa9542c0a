#!/usr/bin/env bash
# A complete C2C trade through the running platform (start it with deploy/local/up.sh), step by step:
# fund a seller by a real USDT deposit on the local chain (pending, then credited at the chain's depth), post a SELL ad, a buyer places an order, the seller's USDT is locked in escrow, the
# buyer marks the fiat paid, the seller confirms and escrow releases the USDT to the buyer (minus the
# fee); then the buyer withdraws on chain to an external address (confirmed with a second factor, a cool-down,
# signed by the hot wallet, confirmed at the chain's depth). Prints every step and the final balances; exits
# non-zero if any step did not happen or if the ledger does not balance. Every call goes through the API gateway with a real access token of a person
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
balances() { call GET "$WALLET/api/v1/wallet/admin/balances/$1" "$ADMIN" | jq -r '.[] | select(.asset=="USDT") | "available \(.available), reserved \(.reserved), locked \(.locked), withdrawing \(.withdrawing), pending \(.pending)"'; }

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

step "8. the seller's deposit is swept into the hot wallet (gas from the hot wallet first; the ledger moves custody)"
HOT_WALLET=$(bash "$ROOT/deploy/local/keys.sh" address) || die "no hot wallet (keys.sh hot-wallet)"
deposit_swept() { [ "$(node "$ROOT/deploy/chain/send.mjs" balance "$DEPOSIT_ADDRESS")" = 0.000000 ]; }
await "the deposit address $DEPOSIT_ADDRESS swept" "$TIMEOUT_S" deposit_swept
step "   deposit address $DEPOSIT_ADDRESS holds $(node "$ROOT/deploy/chain/send.mjs" balance "$DEPOSIT_ADDRESS") USDT; the hot wallet $HOT_WALLET holds $(node "$ROOT/deploy/chain/send.mjs" balance "$HOT_WALLET")"

step "9. the buyer withdraws 50 USDT on chain to an external address (their own wallet elsewhere)"
WITHDRAW_TO="0x$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')"   # a new address: all lower case, no checksum
WITHDRAWAL=$(call POST "$WALLET/api/v1/wallet/withdrawals" "$BUYER" '' "{\"chainId\":31337,\"toAddress\":\"$WITHDRAW_TO\",\"amount\":\"50\"}")
WITHDRAWAL_ID=$(field .id "$WITHDRAWAL"); WITHDRAWAL_FEE=$(field .fee "$WITHDRAWAL")
step "   withdrawal $WITHDRAWAL_ID to $(field .toAddress "$WITHDRAWAL"): 50 USDT + fee $WITHDRAWAL_FEE held, $(field .state "$WITHDRAWAL")"
step "   buyer: $(balances "$BUYER")"
# A new address needs its owner's confirmation with a second factor: a step-up sign-in (password + OTP code) of
# the buyer through Keycloak's c2c-stepup client (identity.sh; a frontend asks for the code).
STEP_UP=$(person_with_otp "$BUYER" | sed -n 's/^step-up-token //p') && [ -n "$STEP_UP" ] || die "the buyer's step-up sign-in failed"
TOKEN[$BUYER-stepup]=$STEP_UP
WITHDRAWAL=$(call POST "$WALLET/api/v1/wallet/withdrawals/$WITHDRAWAL_ID/confirm" "$BUYER-stepup" '' '{}')
step "   the buyer confirms the new address with password + OTP: $(field .state "$WITHDRAWAL") until $(field .cooldownUntil "$WITHDRAWAL")"
withdrawal_json() { WITHDRAWAL=$(call GET "$WALLET/api/v1/wallet/withdrawals/$WITHDRAWAL_ID" "$BUYER"); }
withdrawal_sent() { withdrawal_json; [ "$(field '.txHash // empty' "$WITHDRAWAL")" != "" ] || [[ "$(field .state "$WITHDRAWAL")" =~ ^(CONFIRMED|FAILED|REJECTED|CANCELLED)$ ]]; }
cooldown_s=$(( $(date -d "$(field .cooldownUntil "$WITHDRAWAL")" +%s) - $(date +%s) + 1 ))
await "withdrawal $WITHDRAWAL_ID past its cool-down, signed and sent" $(( cooldown_s > 0 ? cooldown_s + TIMEOUT_S : TIMEOUT_S )) withdrawal_sent
WITHDRAWAL_TX=$(field .txHash "$WITHDRAWAL")
[ "$WITHDRAWAL_TX" != null ] || die "withdrawal $WITHDRAWAL_ID ended $(field .state "$WITHDRAWAL"): $(field .reason "$WITHDRAWAL")"
step "   cool-down over; the hot wallet signed and broadcast tx $WITHDRAWAL_TX ($(field .state "$WITHDRAWAL"))"
RPC_URL=$(jq -r .rpcUrl "$STATE/chain/31337.json")
rpc() { curl -fsS -H 'Content-Type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "$RPC_URL" | jq -r .result; }
tx_mined() { RECEIPT=$(rpc eth_getTransactionReceipt "[\"$WITHDRAWAL_TX\"]"); [ "$RECEIPT" != null ]; }
await "tx $WITHDRAWAL_TX mined" "$TIMEOUT_S" tx_mined
[ "$(jq -r .status <<<"$RECEIPT")" = 0x1 ] || die "tx $WITHDRAWAL_TX reverted"
TX_BLOCK=$(( $(jq -r .blockNumber <<<"$RECEIPT") ))
withdrawal_final() { withdrawal_json; [[ "$(field .state "$WITHDRAWAL")" =~ ^(CONFIRMED|FAILED)$ ]]; }
# The local chain mines only when asked: one block at a time, each one more confirmation.
while :; do
  depth=$(( $(rpc eth_blockNumber '[]') - TX_BLOCK + 1 ))
  withdrawal_json
  step "   confirmation $depth of $CONFIRMATIONS (tx in block $TX_BLOCK): withdrawal $(field .state "$WITHDRAWAL")"
  [ "$depth" -lt "$CONFIRMATIONS" ] || break
  node "$ROOT/deploy/chain/send.mjs" mine 1 >/dev/null || die "mining a block failed"
done
await "withdrawal $WITHDRAWAL_ID confirmed at $CONFIRMATIONS confirmations" "$TIMEOUT_S" withdrawal_final
[ "$(field .state "$WITHDRAWAL")" = CONFIRMED ] || die "withdrawal $WITHDRAWAL_ID $(field .state "$WITHDRAWAL"): $(field .reason "$WITHDRAWAL")"
RECIPIENT=$(node "$ROOT/deploy/chain/send.mjs" balance "$WITHDRAW_TO") || die "cannot read the recipient's balance"
step "   withdrawal $WITHDRAWAL_ID CONFIRMED: the hold left the ledger (50 to the hot wallet's custody, fee $WITHDRAWAL_FEE to the platform)"
step "   recipient $WITHDRAW_TO holds $RECIPIENT USDT on chain"
[ "$(jq -n "$RECIPIENT * 1000000 | round")" = 50000000 ] || die "the recipient holds $RECIPIENT USDT, not 50"

step "10. final balances"
step "   seller: $(balances "$SELLER")"
step "   buyer:  $(balances "$BUYER")"
TOTALS=$(call GET "$WALLET/api/v1/wallet/admin/totals" "$ADMIN")
jq -r '.[] | "   ledger \(.asset): entries sum \(.entriesSum), balanced \(.balanced)"' <<<"$TOTALS"
jq -e 'all(.[]; .balanced == true)' <<<"$TOTALS" >/dev/null || die "the ledger does not balance"
held=$(jq -n --argjson s "$(call GET "$WALLET/api/v1/wallet/admin/balances/$SELLER" "$ADMIN")" \
  --argjson b "$(call GET "$WALLET/api/v1/wallet/admin/balances/$BUYER" "$ADMIN")" --arg fee "$(field .fee "$TRADE_JSON")" \
  --arg wfee "$WITHDRAWAL_FEE" \
  '[($s + $b)[] | select(.asset=="USDT") | (.available|tonumber) + (.reserved|tonumber) + (.locked|tonumber) + (.withdrawing // 0 | tonumber)]
   | add + ($fee|tonumber) + 50 + ($wfee|tonumber)')
[ "$(jq -n "$held * 1000000 | round")" = 1000000000 ] \
  || die "seller + buyer + trade fee + withdrawn + withdrawal fee = $held USDT, not the 1000 deposited"
step "   1000 USDT deposited = seller + buyer + trade fee + 50 withdrawn on chain + withdrawal fee ($held); ledger balanced"

step "11. the custody report: every USDT at the platform's addresses on chain against the ledger (the sweep and the"
step "    withdrawal settle at the chain's depth: it looks again, up to ${TIMEOUT_S}s, until nothing is in flight)"
# The ledger meets the chain only on a platform whose every on-chain USDT came through it: a chain state kept from
# before (tokens sent to the hot wallet by hand) shows as a difference, and the demo says so.
C2C_CUSTODY_TRIES=$(( TIMEOUT_S / 5 )) C2C_CUSTODY_PAUSE=5 bash "$ROOT/deploy/local/custody.sh" \
  || die "the custody report is not reconciled (above): on chain != ledger custody + uncredited, or still in flight"
step "demo passed: deposit → trade → on-chain withdrawal, balances conserved, custody difference zero"
