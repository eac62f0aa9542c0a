#!/usr/bin/env bash
# The custody report, through the gateway, as an admin of the development realm:
#   deploy/local/custody.sh            # readable report
#   deploy/local/custody.sh --json     # the report as the API answers it
# Per chain (GET /api/v1/wallet/custody): the token's balanceOf at the hot wallet and every deposit address,
# read at one block, beside the ledger's CUSTODY of each address; uncredited transfers (dust) at those addresses;
#   difference = on chain - ledger custody - uncredited
# and what is in flight (transfers signed and not yet settled in the ledger, deposits not yet confirmed).
# Then the ledger's side: users + fees + uncredited, custody, development credits. docs/operations.md, "Custody".
# A transfer or deposit in flight settles at the chain's confirmation depth: to wait for that, let it look again
# while not reconciled (C2C_CUSTODY_TRIES, default 1: one look; C2C_CUSTODY_PAUSE seconds apart, default 5).
# Exit code: 0 every chain's difference is zero and nothing is in flight, 1 otherwise, 2 the report could not be read
# (a 503 names the chain whose node did not answer).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/identity.sh"
API=${C2C_API_URL:-http://127.0.0.1:8080}
TRIES=${C2C_CUSTODY_TRIES:-1}
PAUSE=${C2C_CUSTODY_PAUSE:-5}
fail() { printf 'ERROR: %s\n' "$*" >&2; exit 2; }

TOKEN=$(person_token "ops-${USER:-operator}" admin) || fail "Keycloak could not sign the operator in"
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || fail "Keycloak gave the operator no token"

fetch() { # -> the report's JSON in $report, or exit 2
  local body code
  body=$(curl -sS --max-time 180 -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" "$API/api/v1/wallet/custody") \
    || fail "no answer from $API"
  code=${body##*$'\n'}; report=${body%$'\n'*}
  [ "$code" = 200 ] || fail "HTTP $code: $(jq -r '.detail // .' <<<"$report" 2>/dev/null || head -c 300 <<<"$report")"
}

try=1
while :; do
  fetch
  [ "$(jq -r .reconciled <<<"$report")" = true ] && break
  [ "$try" -ge "$TRIES" ] && break
  echo "try $try: not reconciled ($(jq -r '[.chains[] | .inFlight.outgoingCount + .inFlight.pendingDepositsCount] | add // 0' <<<"$report") in flight); looking again in ${PAUSE}s" >&2
  sleep "$PAUSE"; try=$((try + 1))
done

if [ "${1:-}" = --json ]; then
  jq . <<<"$report"
else
  jq -r '
    def pad(n): tostring | (" " * ([n - length, 0] | max)) + .;
    def rpad(n): tostring | . + (" " * ([n - length, 0] | max));
    "custody at \(.at) (\(.asset))",
    (.chains[] |
      "",
      "chain \(.chainId)  token \(.tokenContract)  read at block \(.block)",
      (if .hotWallet.address == null then "  hot wallet: unknown (the signer has no key)"
       else "  hot wallet \(.hotWallet.address): on chain \(.hotWallet.onChain), ledger \(.hotWallet.ledgerCustody), gas \(.hotWallet.gasBalance)"
            + (if .hotWallet.gasLow then "  WARNING: gas below \(.hotWallet.gasWarningBelow): fund the hot wallet" else "" end)
       end),
      "  \("address" | rpad(42)) \("role" | rpad(10)) \("owner" | rpad(20)) \("on chain" | pad(16)) \("ledger" | pad(16)) \("uncredited" | pad(12)) \("pending" | pad(12)) \("difference" | pad(14))",
      (.addresses[] |
        "  \(.address | rpad(42)) \(.role | rpad(10)) \((.ownerId // "-") | .[0:20] | rpad(20)) \(.onChain | pad(16)) \(.ledgerCustody | pad(16)) \(.uncredited | pad(12)) \(.pendingDeposits | pad(12)) \(.difference | pad(14))"),
      (if .addressesNotListed > 0 then "  ... \(.addressesNotListed) more address(es) holding something, in the totals" else empty end),
      "  \(.addressesRead) address(es) read; total on chain \(.onChainTotal), ledger custody \(.ledgerCustody), uncredited \(.uncredited)",
      "  difference (on chain - ledger custody - uncredited): \(.difference)",
      "  in flight: \(.inFlight.outgoingCount) outgoing transfer(s), \(.inFlight.outgoingTotal); \(.inFlight.pendingDepositsCount) deposit(s) not yet confirmed, \(.inFlight.pendingDepositsTotal)",
      (.inFlight.outgoing[] | "    \(.transferId) \(.state) \(.fromAddress) -> \(.toAddress) \(.amount) tx \(.txHash // "-")"),
      "  \(if .reconciled then "reconciled" else "NOT reconciled" end)"),
    "",
    (.ledger | "ledger: users \(.users) (available \(.available), reserved \(.reserved), locked \(.locked), withdrawing \(.withdrawing))",
      "        + fees \(.fees) + uncredited \(.uncredited) = liabilities \(.liabilities)",
      "        custody \(.custody) + development credits \(.externalFunding) = users + fees: \(if .balanced then "yes" else "NO" end)")
  ' <<<"$report"
fi

if [ "$(jq -r .reconciled <<<"$report")" = true ]; then
  [ "${1:-}" = --json ] || echo "custody reconciled: every difference zero, nothing in flight"
  exit 0
fi
[ "${1:-}" = --json ] || echo "custody NOT reconciled: see the differences and what is in flight above (docs/operations.md, \"Custody\")"
exit 1
