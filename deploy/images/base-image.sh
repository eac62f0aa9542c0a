#!/usr/bin/env bash
# Assembles the services' base image without a container daemon or registry: a Java runtime cut from
# the local JDK with jlink (no javac, no jshell, no jar tool) on Debian's libc6, a non-root user
# (uid 10001), written as an image tarball that Jib reads as tar://<path>.
# Usage: deploy/images/base-image.sh [OUTPUT.tar]   (default .local/images/c2c-jre-base.tar)
# Needs: a JDK >= 21 (pick_java: JAVA_HOME, else the newest under /usr/lib/jvm), apt-get (Debian's libc6).
source "$(dirname "$0")/../local/lib.sh"
source "$ROOT/deploy/images/rootfs.sh"
OUT="${1:-$STATE/images/c2c-jre-base.tar}"
WORK="$STATE/images/base-work"
# Modules the Quarkus services use (java.se: the standard API, not the compiler); jdk.* add what
# Netty, the Kafka client, Vert.x and the JVM's own diagnostics need.
MODULES="java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.jfr,jdk.localedata,jdk.net,jdk.security.auth"

pick_java
rm -rf "$WORK" && mkdir -p "$WORK/rootfs"
jver=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/{print $2; exit}')
step "jlink: Java $jver runtime from $JAVA_HOME"
# Not every JDK has every jdk.* module (jdk.crypto.ec folded into java.base in 24): keep those present.
present=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' | tr '\n' ' ')
mods=$(tr ',' '\n' <<<"$MODULES" | while read -r m; do [[ " $present " == *" $m "* ]] && echo "$m"; done | paste -sd,)
"$JAVA_HOME/bin/jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
  --compress zip-6 --output "$WORK/rootfs/opt/java"

# The runtime links only against glibc (ldd of libjvm.so, libjava.so, libnet.so, libnio.so, bin/java).
step "Debian packages: libc6"
debs_into "$WORK/rootfs" "$WORK" libc6
libc_version=$(dpkg-deb -f "$WORK"/debs/libc6_*.deb Version)
app_user "$WORK/rootfs"
mkdir -p "$WORK/rootfs/app"

step "writing the image tarball $OUT"
image_tar "$WORK/rootfs" "$OUT" "c2c/jre-base:${jver%%+*}" "$(jq -n --arg j "$jver" --arg l "$libc_version" '{
  User: "10001:10001", WorkingDir: "/app", Env: ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
  Labels: {"org.opencontainers.image.title": "c2c-jre-base", "c2c.java.version": $j, "c2c.libc6.version": $l}}')" \
  "deploy/images/base-image.sh: jlink ($jver) + libc6 $libc_version"
rm -rf "$WORK"
step "base image: $OUT ($(du -h "$OUT" | cut -f1), Java $jver, libc6 $libc_version, user 10001)"
