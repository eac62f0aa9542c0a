#!/usr/bin/env bash
# Builds one OCI image tarball per service and one for the API gateway, without a container daemon
# (Jib's core library, ImageBuilder.java):
#   deploy/images/build.sh [--no-build] [--verify] [order-service|...|chain-watcher|gateway ...]
#     --no-build  use the jars already in <service>/target/quarkus-app (else ./mvnw package -DskipTests first)
#     --verify    unpack each image and run it as the image's user (chroot in a private mount namespace;
#                 needs root): a service boots up to its first database connection; the gateway fetches
#                 the realm's keys from C2C_GATEWAY_ISSUER (default: the local Keycloak) and answers 401
# Writes .local/images/<name>.tar (image c2c/<name>:<commit>) and .local/images/digests.txt, which
# deploy/images/pin.sh writes into the overlays (images pinned by digest). The services' base image is
# deploy/images/base-image.sh's tarball (C2C_BASE_IMAGE: another tarball with a JRE at /opt/java).
source "$(dirname "$0")/../local/lib.sh"
SERVICES="order-service matching-service wallet-service escrow-service chain-watcher"
ALL="$SERVICES gateway"
declare -A PORT=([order-service]=8081 [matching-service]=8082 [wallet-service]=8083 [escrow-service]=8084 [chain-watcher]=8085 [gateway]=8080)
build=1 verify=0 images=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --verify) verify=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) die "unknown option $a" ;;
    *) [ -n "${PORT[$a]:-}" ] || die "unknown image $a (one of: $ALL)"; images+=("$a") ;;
  esac
done
[ ${#images[@]} -gt 0 ] || read -ra images <<<"$ALL"
java_services=(); for i in "${images[@]}"; do [ "$i" = gateway ] || java_services+=("$i"); done

OUT="$STATE/images"
BASE="${C2C_BASE_IMAGE:-$OUT/c2c-jre-base.tar}"
LIBS="$OUT/jib-libs"
POM="$ROOT/deploy/images/pom.xml"
pick_java
mkdir -p "$OUT"

[ ${#java_services[@]} -eq 0 ] || [ -f "$BASE" ] || bash "$ROOT/deploy/images/base-image.sh" "$BASE"
sum=$(sha256sum "$POM" | cut -d' ' -f1)
if [ "$(cat "$LIBS/.complete" 2>/dev/null)" != "$sum" ]; then
  step "fetching Jib's core library into $LIBS"
  rm -rf "$LIBS"; run_maven "$POM" dependency:copy-dependencies -DoutputDirectory="$LIBS"; echo "$sum" > "$LIBS/.complete"
fi

if [ "$build" = 1 ] && [ ${#java_services[@]} -gt 0 ]; then
  step "building ${java_services[*]} (./mvnw package, tests skipped: test.sh runs them)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${java_services[*]}")" -am)
fi

tag=$(cd "$ROOT" && git rev-parse --short=12 HEAD 2>/dev/null || echo dev)
[ -z "$(cd "$ROOT" && git status --porcelain 2>/dev/null | grep -v '^??')" ] || tag="$tag-dirty"
# Jib's library still calls sun.misc.Unsafe through Guava; JDK 23+ warns about it on every run.
jopts=(); [ "$(java_major "$JAVA_HOME")" -ge 23 ] && jopts+=(--sun-misc-unsafe-memory-access=allow)
jib() { "$JAVA_HOME/bin/java" "${jopts[@]}" -cp "$LIBS/*" "$ROOT/deploy/images/ImageBuilder.java" "$@" 2>&1 \
  | grep -v "does not use a specific image digest" | tail -1; }
: > "$OUT/digests.txt.new"
for s in "${images[@]}"; do
  if [ "$s" = gateway ]; then
    bash "$ROOT/deploy/images/gateway-image.sh" "$OUT/gateway-rootfs.tar"
    line=$(jib --gateway "$OUT/gateway-rootfs.tar" "c2c/gateway:$tag" "$OUT/gateway.tar" "${PORT[$s]}")
  else
    line=$(jib "$BASE" "$ROOT/$s/target/quarkus-app" "c2c/$s:$tag" "$OUT/$s.tar" "${PORT[$s]}")
  fi
  [[ "$line" == "c2c/$s:"* ]] || die "building the image of $s failed: $line"
  echo "$line" >> "$OUT/digests.txt.new"
  step "image $line"
done
# Keep the lines of images not rebuilt this time.
[ -f "$OUT/digests.txt" ] && for s in $ALL; do
  grep -q "^c2c/$s:" "$OUT/digests.txt.new" || grep "^c2c/$s:" "$OUT/digests.txt" >> "$OUT/digests.txt.new" || true
done
mv "$OUT/digests.txt.new" "$OUT/digests.txt"

# unpack NAME: the image's layers, in order, into $OUT/verify/NAME; sets rootfs and user.
unpack() {
  local s="$1" tmp manifest config l
  rootfs="$OUT/verify/$s"; rm -rf "$rootfs"; mkdir -p "$rootfs"
  tmp="$OUT/verify/$s.oci"; rm -rf "$tmp"; mkdir -p "$tmp"; tar -xf "$OUT/$s.tar" -C "$tmp"
  # An OCI layout: index.json -> manifest -> layers (gzip), unpacked one over the other.
  manifest=$(jq -r '.manifests[0].digest' "$tmp/index.json" | sed 's/sha256://')
  for l in $(jq -r '.layers[].digest' "$tmp/blobs/sha256/$manifest" | sed 's/sha256://'); do
    tar -xzf "$tmp/blobs/sha256/$l" -C "$rootfs" 2>/dev/null || tar -xf "$tmp/blobs/sha256/$l" -C "$rootfs"
  done
  config=$(jq -r '.config.digest' "$tmp/blobs/sha256/$manifest" | sed 's/sha256://')
  user=$(jq -r '.config.User' "$tmp/blobs/sha256/$config")
  entrypoint=$(jq -r '.config.Entrypoint | join(" ")' "$tmp/blobs/sha256/$config")
  rm -rf "$tmp"
  [ "$user" = "10001:10001" ] || die "$s: image user is '$user', expected 10001:10001"
  mkdir -p "$rootfs/proc" "$rootfs/dev"
}
# in_image COMMAND...: runs in $rootfs as the image's user; /proc and /dev are bound in a private mount
# namespace (unshare -m), which goes away with the command.
in_image() {
  unshare -m sh -c 'r="$1"; shift; mount --bind /proc "$r/proc" && mount --bind /dev "$r/dev" && exec chroot --userspec=10001:10001 "$r" "$@"' \
    sh "$rootfs" "$@"
}
forget() {
  # Never remove a tree with the machine's /proc or /dev still bound inside it.
  if mountpoint -q "$rootfs/proc" || mountpoint -q "$rootfs/dev"; then die "$rootfs still has /proc or /dev mounted"; fi
  rm -rf "$rootfs"
}

if [ "$verify" = 1 ]; then
  for s in "${images[@]}"; do
    unpack "$s"
    if [ "$s" = gateway ]; then
      port="${C2C_IMAGE_CHECK_PORT:-18180}"; issuer="${C2C_GATEWAY_ISSUER:-http://127.0.0.1:8180/realms/c2c}"
      ! port_open "$port" || die "port $port is taken; the gateway check needs it (C2C_IMAGE_CHECK_PORT=another)"
      # In a session of its own, so that stopping it reaches HAProxy and the log follower too.
      C2C_GATEWAY_PORT=$port C2C_GATEWAY_ISSUER="$issuer" setsid bash -c "$(declare -f in_image); rootfs='$rootfs'; in_image /app/deploy/gateway/entrypoint.sh" \
        > "$OUT/verify/$s.log" 2>&1 &
      gw=$!
      wait_until 30 "gateway up" port_open "$port" || { cat "$OUT/verify/$s.log" >&2; die "the gateway image did not start (keys from $issuer)"; }
      answer=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "http://127.0.0.1:$port/api/v1/orders")
      kill -TERM -- "-$gw" 2>/dev/null || true; wait "$gw" 2>/dev/null || true
      wait_until 15 "gateway stopped" bash -c "! kill -0 -- -$gw 2>/dev/null" || kill -KILL -- "-$gw" 2>/dev/null || true
      # HAProxy runs in a session of its own (gateway.sh starts it with setsid): stop it by its pid file too.
      hp=$(cat "$rootfs/tmp/c2c/pids/gateway.pid" 2>/dev/null || true)
      if [ -n "$hp" ] && kill -0 "$hp" 2>/dev/null; then
        kill -USR1 "$hp"; wait_until 15 "haproxy stopped" bash -c "! kill -0 $hp 2>/dev/null" || kill -KILL "$hp" 2>/dev/null || true
      fi
      [ "$answer" = "401 application/problem+json" ] || die "gateway image: GET /api/v1/orders without a token answered '$answer', expected 401 problem"
      step "verified gateway: user $user, entrypoint $entrypoint, realm keys fetched from ${C2C_GATEWAY_JWKS_URL:-$issuer/protocol/openid-connect/certs}, no token -> $answer"
    else
      for tool in javac jshell jar jlink; do [ ! -e "$rootfs/opt/java/bin/$tool" ] || die "$s: build tool $tool in the image"; done
      v=$(in_image /opt/java/bin/java -version 2>&1 | head -1)
      # The service's own code starts inside the image: Quarkus boots, then stops at its first outside
      # dependency, a database address where nothing listens (nothing is contacted).
      started=$(C2C_JDBC_URL=jdbc:postgresql://127.0.0.1:1/none C2C_DB_URL=postgresql://127.0.0.1:1/none \
        C2C_KAFKA_BOOTSTRAP=127.0.0.1:1 QUARKUS_HTTP_PORT=0 timeout 120 bash -c "$(declare -f in_image); rootfs='$rootfs'; in_image /opt/java/bin/java -Xmx128m -jar /app/quarkus-run.jar" 2>&1 \
        | tee "$OUT/verify/$s.log" | grep -c 'Connection refused\|Failed to start application' || true)
      [ "$started" -gt 0 ] || die "$s: the application did not start inside the image (see $OUT/verify/$s.log)"
      step "verified $s: user $user, $v, no build tools, booted inside the image up to its database connection"
    fi
    forget
  done
fi
step "images in $OUT: $(cd "$OUT" && for s in "${images[@]}"; do printf '%s.tar ' "$s"; done)"
