#!/usr/bin/env bash
# The gateway in a container (deploy/images/gateway-image.sh): what `deploy/local/gateway.sh start` does —
# fetch the realm's keys, render the configuration, start HAProxy — then stay in the foreground with
# HAProxy's log on stdout, and stop HAProxy gracefully when the container is asked to stop. Settings:
# the C2C_GATEWAY_* variables (deploy/gateway/README.md). Everything written goes to /tmp (the root
# filesystem is read-only). A realm key change: restart the pod (docs/operations.md, "Kubernetes").
set -euo pipefail
export C2C_STATE_DIR="${C2C_STATE_DIR:-/tmp/c2c}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$here/deploy/local/gateway.sh" start
pid=$(cat "$C2C_STATE_DIR/pids/gateway.pid")
tail -n +1 -F "$C2C_STATE_DIR/logs/gateway.log" &
# SIGUSR1 is HAProxy's soft stop: no new connections, the open ones finish (the pod's grace period bounds it).
trap 'kill -USR1 "$pid" 2>/dev/null || true' TERM INT
while kill -0 "$pid" 2>/dev/null; do sleep 1 & wait $! || true; done
