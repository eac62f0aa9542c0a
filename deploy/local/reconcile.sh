#!/usr/bin/env bash
# The reconciler's report, through the gateway, as an admin of the development realm (ADR 0012):
#   deploy/local/reconcile.sh
# Fetches what each service believes about its owners' USDT (GET /api/v1/reconciliation/<service>):
# the wallet's actual RESERVED and LOCKED balances, what order-service expects reserved (SELL ads'
# remaining, SELL orders on their way to the book) and what escrow expects (OPENED trades reserved,
# locked and decided-but-unsettled trades locked), and prints per owner
#   drift reserved = wallet reserved - (order reserved + escrow reserved)
#   drift locked   = wallet locked   - escrow locked
# Events in flight show as drift for a moment, so when it sees drift it looks again (C2C_RECONCILE_TRIES,
# default 4, C2C_RECONCILE_PAUSE seconds apart, default 5) and reports only what persists.
# Exit code: 0 zero drift, 1 drift, 2 a report could not be read.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/identity.sh"
API=${C2C_API_URL:-http://127.0.0.1:8080}
TRIES=${C2C_RECONCILE_TRIES:-4}
PAUSE=${C2C_RECONCILE_PAUSE:-5}
fail() { printf 'ERROR: %s\n' "$*" >&2; exit 2; }

WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
TOKEN=$(person_token "ops-${USER:-operator}" admin) || fail "Keycloak could not sign the operator in"
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || fail "Keycloak gave the operator no token"

report() { # service -> its report's JSON, or exit 2
  local body code
  body=$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" "$API/api/v1/reconciliation/$1") \
    || fail "$1: no answer from $API"
  code=${body##*$'\n'}; body=${body%$'\n'*}
  [ "$code" = 200 ] || fail "$1: HTTP $code: $(jq -r '.detail // .' <<<"$body" 2>/dev/null || head -c 200 <<<"$body")"
  printf '%s' "$body"
}

# The three reports -> {owners: [per owner with drift], totals}
DRIFT='
  def by(r): reduce r.holds[] as $h ({}; .[$h.ownerId] = $h);
  (by($w[0])) as $W | (by($o[0])) as $O | (by($e[0])) as $E
  | ([$W, $O, $E] | map(keys) | add | unique) as $owners
  | [ $owners[] as $id
      | { owner: $id,
          walletReserved: ($W[$id].reservedMicros // 0), walletLocked: ($W[$id].lockedMicros // 0),
          orderReserved: ($O[$id].reservedMicros // 0), orderLocked: ($O[$id].lockedMicros // 0),
          escrowReserved: ($E[$id].reservedMicros // 0), escrowLocked: ($E[$id].lockedMicros // 0) }
      | .driftReserved = .walletReserved - .orderReserved - .escrowReserved
      | .driftLocked = .walletLocked - .orderLocked - .escrowLocked ] as $rows
  | { asOf: { wallet: $w[0].asOf, order: $o[0].asOf, escrow: $e[0].asOf },
      owners: ($owners | length),
      drifting: [ $rows[] | select(.driftReserved != 0 or .driftLocked != 0) ],
      totals: { walletReserved: ([$rows[].walletReserved] | add // 0), walletLocked: ([$rows[].walletLocked] | add // 0),
                orderReserved: ([$rows[].orderReserved] | add // 0),
                escrowReserved: ([$rows[].escrowReserved] | add // 0), escrowLocked: ([$rows[].escrowLocked] | add // 0),
                driftReserved: ([$rows[].driftReserved] | add // 0), driftLocked: ([$rows[].driftLocked] | add // 0) } }'

usdt() { # micro-units -> exact USDT
  local m=$1 sign=""; [ "${m#-}" != "$m" ] && { sign=-; m=${m#-}; }
  printf '%s%d.%06d' "$sign" $((m / 1000000)) $((m % 1000000))
}

try=1
while :; do
  report wallet-service >"$WORK/w"; report order-service >"$WORK/o"; report escrow-service >"$WORK/e"
  result=$(jq -n --slurpfile w "$WORK/w" --slurpfile o "$WORK/o" --slurpfile e "$WORK/e" "$DRIFT")
  drifting=$(jq '.drifting | length' <<<"$result")
  [ "$drifting" = 0 ] && break
  [ "$try" -ge "$TRIES" ] && break
  echo "try $try: $drifting owner(s) drift; events may be in flight, looking again in ${PAUSE}s"
  sleep "$PAUSE"; try=$((try + 1))
done

t() { jq -r ".totals.$1" <<<"$result"; }
echo "reconciliation at $(jq -r '.asOf.wallet' <<<"$result") (USDT; $(jq -r .owners <<<"$result") owner(s) with a hold)"
printf '  %-9s %18s %18s %18s %14s\n' "" wallet order-service escrow-service drift
printf '  %-9s %18s %18s %18s %14s\n' reserved "$(usdt "$(t walletReserved)")" "$(usdt "$(t orderReserved)")" \
  "$(usdt "$(t escrowReserved)")" "$(usdt "$(t driftReserved)")"
printf '  %-9s %18s %18s %18s %14s\n' locked "$(usdt "$(t walletLocked)")" "$(usdt 0)" \
  "$(usdt "$(t escrowLocked)")" "$(usdt "$(t driftLocked)")"
if [ "$drifting" = 0 ]; then
  echo "zero drift"
  exit 0
fi
echo "DRIFT: $drifting owner(s) (wallet - (order + escrow), after $try look(s) ${PAUSE}s apart):"
jq -r '.drifting[] | "  \(.owner)  reserved: wallet \(.walletReserved) order \(.orderReserved) escrow \(.escrowReserved) drift \(.driftReserved)   locked: wallet \(.walletLocked) escrow \(.escrowLocked) drift \(.driftLocked)  (micro-units)"' <<<"$result"
exit 1
