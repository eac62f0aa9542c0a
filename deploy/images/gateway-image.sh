#!/usr/bin/env bash
# Assembles the API gateway's image without a container daemon: Debian's haproxy and the few tools
# deploy/local/gateway.sh uses to fetch the realm's keys and render the configuration (bash, curl, jq,
# openssl, coreutils, sed, grep, awk, setsid, pgrep) with the libraries they need, deploy/gateway/ and the
# entrypoint deploy/gateway/entrypoint.sh, user 10001. Written as an image tarball that
# ImageBuilder.java turns into the OCI image .local/images/gateway.tar (deploy/images/build.sh does both).
# Usage: deploy/images/gateway-image.sh [OUTPUT.tar]   (default .local/images/gateway-rootfs.tar)
source "$(dirname "$0")/../local/lib.sh"
source "$ROOT/deploy/images/rootfs.sh"
OUT="${1:-$STATE/images/gateway-rootfs.tar}"
WORK="$STATE/images/gateway-work"
TOOLS="haproxy bash coreutils sed grep mawk curl jq openssl util-linux procps ca-certificates libc-bin"
# Dependencies that only matter to installing packages (maintainer scripts, perl, PAM, init), not to running
# the tools above: left out.
SKIP='^(adduser|base-files|cdebconf|debconf|debianutils|dpkg|gawk|original-awk|init-system-helpers|install-info|lsb-base|passwd|perl|perl-base|perl-modules-.*|libperl.*|lib.*-perl|libdb5\.3|libdebian-installer4|libgdbm.*|libnewt.*|libslang2|libtextwrap1|libpam-modules.*|libsemanage.*|libsepol2|readline-common|libreadline8|sysvinit-utils|tar|usr-is-merged|usrmerge|util-linux-extra|libsigsegv2|libmpfr6)$'

rm -rf "$WORK" && mkdir -p "$WORK/rootfs"
# shellcheck disable=SC2086
debs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances $TOOLS 2>/dev/null | grep -v '^ ' | grep -v '^<' | sort -u | grep -Ev "$SKIP" | tr '\n' ' ')
[ -n "$debs" ] || die "apt-cache knows none of $TOOLS (run apt-get update once)"
step "Debian packages: $(wc -w <<<"$debs") ($TOOLS and their libraries)"
# shellcheck disable=SC2086
debs_into "$WORK/rootfs" "$WORK" $debs
r="$WORK/rootfs"
haproxy_version=$(dpkg-deb -f "$WORK"/debs/haproxy_*.deb Version)
# What the packages' scripts would have done: the CA bundle curl reads, the linker's cache.
mkdir -p "$r/etc/ssl/certs"
find "$r/usr/share/ca-certificates" -name '*.crt' | sort | xargs cat > "$r/etc/ssl/certs/ca-certificates.crt"
printf 'include /etc/ld.so.conf.d/*.conf\n' > "$r/etc/ld.so.conf"
ldconfig -r "$r"
rm -f "$r/var/cache/ldconfig/aux-cache"   # ldconfig's own speed-up, different on every run: not reproducible
# update-alternatives would have linked awk to mawk.
ln -sf mawk "$r/usr/bin/awk"
rm -rf "$r/etc/haproxy" "$r/etc/init.d" "$r/etc/logrotate.d" "$r/lib/systemd" "$r/usr/share/ca-certificates"
app_user "$r"
# The gateway's own files, as in the repository (gateway.sh finds its template relative to itself).
mkdir -p "$r/app/deploy/local" "$r/app/deploy/gateway"
cp "$ROOT/deploy/local/gateway.sh" "$ROOT/deploy/local/lib.sh" "$r/app/deploy/local/"
cp -r "$ROOT/deploy/gateway/haproxy.cfg.template" "$ROOT/deploy/gateway/problems" "$ROOT/deploy/gateway/entrypoint.sh" "$r/app/deploy/gateway/"

image_tar "$r" "$OUT" "c2c/gateway-rootfs:$haproxy_version" "$(jq -n '{
  User: "10001:10001", WorkingDir: "/app", Env: ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8"],
  Entrypoint: ["/app/deploy/gateway/entrypoint.sh"]}')" "deploy/images/gateway-image.sh: haproxy $haproxy_version"
rm -rf "$WORK"
step "gateway root filesystem image: $OUT ($(du -h "$OUT" | cut -f1), haproxy $haproxy_version)"
