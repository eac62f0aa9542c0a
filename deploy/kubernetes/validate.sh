#!/usr/bin/env bash
# Checks the Kubernetes manifests offline, in seconds (a step of deploy/local/test.sh):
#   every overlay builds with `kubectl kustomize`; every object validates against the Kubernetes, Prometheus
#   Operator and cert-manager schemas (npm kubernetes-models) and the operators' required structure
#   (crdShapes.mjs); the policy holds (probes, limits, restricted security context, images pinned by
#   digest, no secret values, topics = deploy/local/topics.conf, ACLs and references consistent); the
#   generated files are current; and the checks refuse a set of deliberately broken manifests (--selftest).
# Installs its pinned npm packages into deploy/kubernetes/node_modules (ignored) on first use.
source "$(dirname "$0")/../local/lib.sh"
HERE="$ROOT/deploy/kubernetes"
command -v kubectl >/dev/null || die "kubectl is missing (this machine kind has it in its image; install kubectl >= 1.27 for kustomize)"
if [ ! -f "$HERE/node_modules/.complete" ] || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.complete" ]; then
  step "installing the manifest checks' npm packages (npm ci in deploy/kubernetes)"
  (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null 2>&1) || die "npm ci failed in $HERE"
  touch "$HERE/node_modules/.complete"
fi
step "validating the Kubernetes manifests (deploy/kubernetes: overlays, schemas, policy, broken manifests refused)"
node "$HERE/validate.mjs" --selftest "$@"
