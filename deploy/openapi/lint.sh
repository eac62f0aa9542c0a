#!/usr/bin/env bash
# Lints every service's OpenAPI document (written by the build to <service>/target/openapi) with
# Redocly's recommended rules (deploy/openapi/redocly.yaml). Installs the pinned CLI from the npm
# registry on first use. Exits non-zero on any error or warning.
source "$(dirname "$0")/../local/lib.sh"
HERE="$ROOT/deploy/openapi"
if [ ! -x "$HERE/node_modules/.bin/redocly" ]; then
  step "installing Redocly CLI (npm ci in deploy/openapi)"
  (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null) || die "npm ci failed in $HERE"
fi
docs=()
for service in order-service matching-service wallet-service escrow-service chain-watcher; do
  doc="$ROOT/$service/target/openapi/openapi.json"
  [ -s "$doc" ] || die "$doc is missing: build the services first (./mvnw package)"
  docs+=("$doc")
done
step "linting ${#docs[@]} OpenAPI documents with Redocly's recommended rules"
set +e
out=$(cd "$HERE" && NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  ./node_modules/.bin/redocly lint --config redocly.yaml --max-problems 200 "${docs[@]}" 2>&1)
code=$?
set -e
# the CLI's banner about its next Node.js requirement is noise here
printf '%s\n' "$out" | grep -v -E '[║╔╚]' | grep -E -v '^\s*$' | sed 's/^/    /'
[ "$code" -eq 0 ] || die "the OpenAPI documents break Redocly's recommended rules (errors above)"
if grep -qE 'You have [0-9]+ warning' <<<"$out"; then
  die "the OpenAPI documents have warnings under Redocly's recommended rules (above)"
fi
step "OpenAPI documents pass Redocly's recommended rules: no errors, no warnings"
