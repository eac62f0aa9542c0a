#!/usr/bin/env bash
# The local infrastructure servers: deploy/local/infra.sh up|down|status [component...]
# Components: postgres kafka keycloak anvil (default: all; up in that order, down in reverse).
# Each component is its own script (deploy/local/<component>.sh start|stop|status).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ALL="postgres kafka keycloak anvil"

# run COMPONENT ACTION: one component's script, its output indented under a header.
run() {
  local c="$1" action="$2" t0; t0=$(date +%s)
  step "$c: $action"
  local rc=0
  bash "$ROOT/deploy/local/$c.sh" "$action" 2>&1 | sed -u 's/^/    /' || rc=$?
  [ "$rc" = 0 ] || die "$c $action failed (exit $rc)"
  step "$c: $action done in $(( $(date +%s) - t0 ))s"
}

reverse() { echo "$@" | tr ' ' '\n' | tac | tr '\n' ' '; }

cmd="${1:-}"; shift || true
components="${*:-$ALL}"
for c in $components; do
  case " $ALL " in *" $c "*) ;; *) die "unknown component '$c' (known: $ALL)" ;; esac
done

case "$cmd" in
  up)
    for c in $components; do run "$c" start; done
    step "infrastructure up: $components" ;;
  down)
    for c in $(reverse "$components"); do run "$c" stop; done
    step "infrastructure down: $components" ;;
  status)
    # Status scripts exit non-zero when down; status itself still succeeds.
    for c in $components; do bash "$ROOT/deploy/local/$c.sh" status || true; done ;;
  *) echo "usage: $0 up|down|status [component...]   components: $ALL" >&2; exit 2 ;;
esac
