#!/usr/bin/env bash
# Builds one OCI image tarball per service without a container daemon (Jib's core library):
#   deploy/images/build.sh [--no-build] [--verify] [service...]
#     --no-build  use the jars already in <service>/target/quarkus-app (else ./mvnw package -DskipTests first)
#     --verify    unpack each image and start its Java runtime as the image's user (chroot; needs root)
# Writes .local/images/<service>.tar (image c2c/<service>:<commit>) and .local/images/digests.txt,
# which lists each image's digest for the Kustomize overlays' `images:` (pin by digest; see
# deploy/kubernetes/README.md). The base image is deploy/images/base-image.sh's tarball (C2C_BASE_IMAGE
# to use another tarball: any image with a JRE at /opt/java works).
source "$(dirname "$0")/../local/lib.sh"
ALL="order-service matching-service wallet-service escrow-service chain-watcher"
declare -A PORT=([order-service]=8081 [matching-service]=8082 [wallet-service]=8083 [escrow-service]=8084 [chain-watcher]=8085)
build=1 verify=0 services=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --verify) verify=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) die "unknown option $a" ;;
    *) [ -n "${PORT[$a]:-}" ] || die "unknown service $a (one of: $ALL)"; services+=("$a") ;;
  esac
done
[ ${#services[@]} -gt 0 ] || read -ra services <<<"$ALL"

OUT="$STATE/images"
BASE="${C2C_BASE_IMAGE:-$OUT/c2c-jre-base.tar}"
LIBS="$OUT/jib-libs"
POM="$ROOT/deploy/images/pom.xml"
pick_java
mkdir -p "$OUT"

[ -f "$BASE" ] || bash "$ROOT/deploy/images/base-image.sh" "$BASE"
sum=$(sha256sum "$POM" | cut -d' ' -f1)
if [ "$(cat "$LIBS/.complete" 2>/dev/null)" != "$sum" ]; then
  step "fetching Jib's core library into $LIBS"
  rm -rf "$LIBS"; run_maven "$POM" dependency:copy-dependencies -DoutputDirectory="$LIBS"; echo "$sum" > "$LIBS/.complete"
fi

if [ "$build" = 1 ]; then
  step "building ${services[*]} (./mvnw package, tests skipped: test.sh runs them)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${services[*]}")" -am)
fi

tag=$(cd "$ROOT" && git rev-parse --short=12 HEAD 2>/dev/null || echo dev)
[ -z "$(cd "$ROOT" && git status --porcelain 2>/dev/null | grep -v '^??')" ] || tag="$tag-dirty"
# Jib's library still calls sun.misc.Unsafe through Guava; JDK 23+ warns about it on every run.
jopts=(); [ "$(java_major "$JAVA_HOME")" -ge 23 ] && jopts+=(--sun-misc-unsafe-memory-access=allow)
: > "$OUT/digests.txt.new"
for s in "${services[@]}"; do
  line=$("$JAVA_HOME/bin/java" "${jopts[@]}" -cp "$LIBS/*" "$ROOT/deploy/images/ImageBuilder.java" \
    "$BASE" "$ROOT/$s/target/quarkus-app" "c2c/$s:$tag" "$OUT/$s.tar" "${PORT[$s]}" | tail -1)
  echo "$line" >> "$OUT/digests.txt.new"
  step "image $line"
done
# Keep the lines of services not rebuilt this time.
[ -f "$OUT/digests.txt" ] && for s in $ALL; do
  grep -q "^c2c/$s:" "$OUT/digests.txt.new" || grep "^c2c/$s:" "$OUT/digests.txt" >> "$OUT/digests.txt.new" || true
done
mv "$OUT/digests.txt.new" "$OUT/digests.txt"

if [ "$verify" = 1 ]; then
  for s in "${services[@]}"; do
    rootfs="$OUT/verify/$s"; rm -rf "$rootfs"; mkdir -p "$rootfs"
    # An OCI layout: index.json -> manifest -> layers in order (gzip), unpacked one over the other.
    tmp="$OUT/verify/$s.oci"; rm -rf "$tmp"; mkdir -p "$tmp"; tar -xf "$OUT/$s.tar" -C "$tmp"
    manifest=$(jq -r '.manifests[0].digest' "$tmp/index.json" | sed 's/sha256://')
    for l in $(jq -r '.layers[].digest' "$tmp/blobs/sha256/$manifest" | sed 's/sha256://'); do
      tar -xzf "$tmp/blobs/sha256/$l" -C "$rootfs" 2>/dev/null || tar -xf "$tmp/blobs/sha256/$l" -C "$rootfs"
    done
    config=$(jq -r '.config.digest' "$tmp/blobs/sha256/$manifest" | sed 's/sha256://')
    user=$(jq -r '.config.User' "$tmp/blobs/sha256/$config")
    [ "$user" = "10001:10001" ] || die "$s: image user is '$user', expected 10001:10001"
    for tool in javac jshell jar jlink; do [ ! -e "$rootfs/opt/java/bin/$tool" ] || die "$s: build tool $tool in the image"; done
    # The JVM needs /proc (its own path, the container's limits) and /dev (random): bound in a private mount
    # namespace (unshare -m), which goes away with the command.
    mkdir -p "$rootfs/proc" "$rootfs/dev"
    in_image() { unshare -m sh -c 'mount --bind /proc "$0/proc" && mount --bind /dev "$0/dev" && exec "$@"' \
      "$rootfs" chroot --userspec=10001:10001 "$rootfs" "$@"; }
    v=$(in_image /opt/java/bin/java -version 2>&1 | head -1)
    # The service's own code starts inside the image: Quarkus boots, then stops at its first outside
    # dependency, a database address where nothing listens (nothing is contacted).
    started=$(C2C_JDBC_URL=jdbc:postgresql://127.0.0.1:1/none C2C_DB_URL=postgresql://127.0.0.1:1/none \
      C2C_KAFKA_BOOTSTRAP=127.0.0.1:1 QUARKUS_HTTP_PORT=0 timeout 120 bash -c "$(declare -f in_image); rootfs='$rootfs'; in_image /opt/java/bin/java -Xmx128m -jar /app/quarkus-run.jar" 2>&1 \
      | tee "$OUT/verify/$s.log" | grep -c 'Connection refused\|Failed to start application' || true)
    [ "$started" -gt 0 ] || die "$s: the application did not start inside the image"
    step "verified $s: user $user, $v, no build tools, /app/quarkus-run.jar present: $([ -f "$rootfs/app/quarkus-run.jar" ] && echo yes || echo NO)"
    # Never remove a tree with the machine's /proc or /dev still bound inside it.
    if mountpoint -q "$rootfs/proc" || mountpoint -q "$rootfs/dev"; then die "$rootfs still has /proc or /dev mounted: unmount before removing it"; fi
    rm -rf "$rootfs" "$tmp"
  done
fi
step "images in $OUT: $(cd "$OUT" && ls -1 ./*-service.tar ./chain-watcher.tar 2>/dev/null | tr '\n' ' ')"
