#!/usr/bin/env bash
# Assembles the services' base image without a container daemon or registry: a Java runtime cut from
# the local JDK with jlink (no javac, no jshell, no jar tool) on Debian's libc6, a non-root user
# (uid 10001), written as an image tarball that Jib reads as tar://<path>.
# Usage: deploy/images/base-image.sh [OUTPUT.tar]   (default .local/images/c2c-jre-base.tar)
# Needs: a JDK >= 21 (pick_java: JAVA_HOME, else the newest under /usr/lib/jvm), apt-get (Debian's libc6).
source "$(dirname "$0")/../local/lib.sh"
OUT="${1:-$STATE/images/c2c-jre-base.tar}"
WORK="$STATE/images/base-work"
# Modules the Quarkus services use (java.se: the standard API, not the compiler); jdk.* add what
# Netty, the Kafka client, Vert.x and the JVM's own diagnostics need.
MODULES="java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.jfr,jdk.localedata,jdk.net,jdk.security.auth"
# The runtime links only against glibc (ldd of libjvm.so, libjava.so, libnet.so, libnio.so, bin/java).
DEBS="libc6"

pick_java
rm -rf "$WORK" && mkdir -p "$WORK/rootfs" "$WORK/debs" "$(dirname "$OUT")"
jver=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/{print $2; exit}')
step "jlink: Java $jver runtime from $JAVA_HOME"
# Not every JDK has every jdk.* module (jdk.crypto.ec folded into java.base in 24): keep those present.
present=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' | tr '\n' ' ')
mods=$(tr ',' '\n' <<<"$MODULES" | while read -r m; do [[ " $present " == *" $m "* ]] && echo "$m"; done | paste -sd,)
"$JAVA_HOME/bin/jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
  --compress zip-6 --output "$WORK/rootfs/opt/java"

step "Debian packages: $DEBS"
(cd "$WORK/debs" && apt-get download $DEBS >/dev/null 2>&1) || die "apt-get download $DEBS failed (run apt-get update once)"
for d in "$WORK"/debs/*.deb; do dpkg-deb -x "$d" "$WORK/rootfs"; done
libc_version=$(dpkg-deb -f "$WORK"/debs/libc6_*.deb Version)

r="$WORK/rootfs"
mkdir -p "$r/etc" "$r/tmp" "$r/home/app" "$r/app"
chmod 1777 "$r/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001:app:/home/app:/sbin/nologin\n' > "$r/etc/passwd"
printf 'root:x:0:\napp:x:10001:\n' > "$r/etc/group"
printf 'hosts: files dns\n' > "$r/etc/nsswitch.conf"
rm -rf "$r/usr/share/doc" "$r/usr/share/lintian" "$r/usr/share/man"

step "writing the image tarball $OUT"
layer="$WORK/layer.tar"
# Reproducible: same inputs, same bytes, same digest.
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$r" -cf "$layer" .
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
img="$WORK/image" && mkdir -p "$img"
mv "$layer" "$img/layer.tar"
cat > "$img/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"User":"10001:10001","WorkingDir":"/app",
  "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
  "Labels":{"org.opencontainers.image.title":"c2c-jre-base","c2c.java.version":"$jver","c2c.libc6.version":"$libc_version"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created_by":"deploy/images/base-image.sh: jlink ($jver) + libc6 $libc_version"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["c2c/jre-base:%s"],"Layers":["layer.tar"]}]\n' "${jver%%+*}" > "$img/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$img" -cf "$OUT" manifest.json config.json layer.tar
rm -rf "$WORK"
step "base image: $OUT ($(du -h "$OUT" | cut -f1), Java $jver, libc6 $libc_version, user 10001)"
