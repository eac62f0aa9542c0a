#!/usr/bin/env bash
# The operator's dead letters, through the gateway, as an admin of the development realm:
#   deploy/local/dead-letters.sh list [SERVICE ...]     each service's dead letters, newest first (default: all five)
#   deploy/local/dead-letters.sh replay SERVICE ID      applies dead letter ID (<partition>-<offset>) again through
#                                                      the consumer that gave up on it (once; audited)
# A dead letter is a record a consumer can never apply as it is (unreadable, unknown type or version,
# invalid content). Read docs/operations.md ("Dead letters") before replaying: replay only once the
# cause is fixed. Exit code: list 0 when none, 1 when some exist (for alerting); replay 0 when applied.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/identity.sh"
API=${C2C_API_URL:-http://127.0.0.1:8080}
SERVICES="order-service matching-service wallet-service escrow-service chain-watcher"

token() { person_token "ops-${USER:-operator}" admin || die "Keycloak could not sign the operator in"; }

case "${1:-}" in
  list)
    shift; services="${*:-$SERVICES}"; TOKEN=$(token); found=0
    for svc in $services; do
      body=$(curl -sS -H "Authorization: Bearer $TOKEN" "$API/api/v1/dead-letters/$svc?limit=100") \
        || die "$svc: no answer from $API"
      jq -e .items >/dev/null <<<"$body" || die "$svc: $(jq -r '.detail // .' <<<"$body")"
      total=$(jq -r '.items | length' <<<"$body")
      more=$(jq -r 'if .hasMore then " (the newest 100; more with ?cursor=" + .nextCursor + ")" else "" end' <<<"$body")
      echo "$svc: $total dead letter(s)$more"
      [ "$total" = 0 ] && continue
      found=1
      jq -r '.items[] | "  \(.letter.id)  \(.letter.at)  \(.letter.consumer)  \(.letter.kind)  \(.letter.eventType // "-") \(.letter.eventId // "-")  applied=\(.applied)\n      from \(.letter.originTopic // "?")[\(.letter.originPartition // "?")]@\(.letter.originOffset // "?"): \(.letter.reason)"' <<<"$body"
    done
    exit "$found" ;;
  replay)
    [ $# -eq 3 ] || die "usage: $0 replay SERVICE ID"
    TOKEN=$(token)
    code=$(curl -sS -o /tmp/c2c-replay.$$ -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
      "$API/api/v1/dead-letters/$2/$3/replay") || die "no answer from $API"
    body=$(cat /tmp/c2c-replay.$$); rm -f /tmp/c2c-replay.$$
    if [ "$code" = 200 ]; then
      echo "$2 $3: $(jq -r '"\(.outcome) (event \(.eventId), consumer \(.consumer))"' <<<"$body")"
    else
      die "$2 $3: HTTP $code: $(jq -r '.detail // .' <<<"$body")"
    fi ;;
  *) echo "usage: $0 list [SERVICE ...] | replay SERVICE ID" >&2; exit 2 ;;
esac
