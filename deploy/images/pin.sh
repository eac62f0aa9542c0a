#!/usr/bin/env bash
# Pins the overlays' images to the digests deploy/images/build.sh recorded (.local/images/digests.txt):
#   deploy/images/pin.sh [OVERLAY_DIR...]   (default: every overlay under deploy/kubernetes/overlays)
# Rewrites the digest of each `- {name: c2c/<service>, ... digest: ...}` line of the overlay's
# kustomization.yaml; the image name (newName: the registry) stays as it is. Push the tarballs to that
# registry under those digests (an OCI tarball keeps its digest when copied, e.g. with crane or skopeo).
source "$(dirname "$0")/../local/lib.sh"
DIGESTS="$STATE/images/digests.txt"
[ -s "$DIGESTS" ] || die "$DIGESTS is missing: run deploy/images/build.sh first"
overlays=("$@")
[ ${#overlays[@]} -gt 0 ] || overlays=("$ROOT"/deploy/kubernetes/overlays/*)
for dir in "${overlays[@]}"; do
  k="$dir/kustomization.yaml"
  [ -f "$k" ] || die "$k does not exist"
  while read -r ref digest _; do
    name="${ref%%:*}"
    sed -i -E "s#(- \{name: ${name//\//\\/},.*digest: )[^}]*\}#\1${digest}}#" "$k"
  done < "$DIGESTS"
  step "pinned $(grep -c 'digest: sha256:' "$k") images in ${k#"$ROOT"/}"
done
