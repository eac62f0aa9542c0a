#!/usr/bin/env bash
# One line per local server and service: up or down, PID, address, log.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/deploy/local/infra.sh" status
bash "$ROOT/deploy/local/services.sh" status
bash "$ROOT/deploy/local/gateway.sh" status || true
