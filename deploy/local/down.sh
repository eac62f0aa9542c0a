#!/usr/bin/env bash
# Stops everything up.sh started: the gateway, the five services, then the infrastructure. Leaves no process behind.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/deploy/local/gateway.sh" stop
bash "$ROOT/deploy/local/services.sh" stop
bash "$ROOT/deploy/local/infra.sh" down
left=$(ls "$PIDS"/*.pid 2>/dev/null || true)
[ -z "$left" ] || die "some processes are still recorded as running: $left"
step "platform stopped"
