#!/usr/bin/env bash
# The gateway in a container (deploy/images/gateway-image.sh): what `deploy/local/gateway.sh start` does —
# fetch the realm's keys, render the configuration, start HAProxy — then stay in the foreground with
# HAProxy's log on stdout, and stop HAProxy gracefully when the container is asked to stop. Settings:
# the C2C_GATEWAY_* variables (deploy/gateway/README.md). Everything written goes to /tmp (the root
# filesystem is read-only). A realm key change: restart the pod (docs/operations.md, "Kubernetes").
set -euo pipefail
export C2C_STATE_DIR="${C2C_STATE_DIR:-/tmp/c2c}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
# SIGUSR1 is HAProxy's soft stop: no new connections, the open ones finish (the pod's grace period bounds it).
# Set before HAProxy starts, so a stop that arrives during the start still reaches it.
stop() { local p; p=$(cat "$C2C_STATE_DIR/pids/gateway.pid" 2>/dev/null) && kill -USR1 "$p" 2>/dev/null; exit 0; }
trap stop TERM INT
bash "$here/deploy/local/gateway.sh" start
pid=$(cat "$C2C_STATE_DIR/pids/gateway.pid")
tail -n +1 -F "$C2C_STATE_DIR/logs/gateway.log" &
while kill -0 "$pid" 2>/dev/null; do sleep 1 & wait $! || true; done
