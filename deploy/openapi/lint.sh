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
  doc="$ROOT/$service/target/openapi/openapi.yaml"
  [ -s "$doc" ] || die "$doc is missing: build the services first (./mvnw package)"
  docs+=("$doc")
done
step "linting ${#docs[@]} OpenAPI documents with Redocly's recommended rules"
NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$HERE/node_modules/.bin/redocly" lint --config "$HERE/redocly.yaml" --max-problems 200 "${docs[@]}" 2>&1 \
  | grep -v -E '^\s*(║|╔|╚)' || true
NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$HERE/node_modules/.bin/redocly" lint --config "$HERE/redocly.yaml" --format summary "${docs[@]}" >/dev/null 2>&1 \
  || die "the OpenAPI documents break Redocly's recommended rules (see above)"
step "OpenAPI documents pass Redocly's recommended rules"
