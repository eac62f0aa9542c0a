# Helpers for assembling an image from a root filesystem, without a daemon. Source it (after lib.sh).

# debs_into ROOTFS WORKDIR PACKAGE...: downloads Debian's packages (apt-get download: no install, no
# maintainer scripts) and unpacks them into ROOTFS.
debs_into() {
  local rootfs="$1" work="$2"; shift 2
  mkdir -p "$work/debs" "$rootfs"
  (cd "$work/debs" && apt-get download "$@" >/dev/null 2>&1) \
    || (apt-get update -qq >/dev/null 2>&1 && cd "$work/debs" && apt-get download "$@" >/dev/null 2>&1) \
    || die "apt-get download $* failed"
  local d; for d in "$work"/debs/*.deb; do dpkg-deb -x "$d" "$rootfs"; done
}

# app_user ROOTFS: root and the runtime user 10001, a world-writable /tmp, name lookup through files and DNS.
app_user() {
  local r="$1"
  mkdir -p "$r/etc" "$r/tmp" "$r/home/app"
  chmod 1777 "$r/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001:app:/home/app:/sbin/nologin\n' > "$r/etc/passwd"
  printf 'root:x:0:\napp:x:10001:\n' > "$r/etc/group"
  printf 'hosts: files dns\n' > "$r/etc/nsswitch.conf"
  rm -rf "$r/usr/share/doc" "$r/usr/share/lintian" "$r/usr/share/man" "$r/usr/share/info"
}

# image_tar ROOTFS OUT TAG CONFIG_JSON HISTORY: ROOTFS as a one-layer image tarball (docker save layout,
# which Jib reads as tar://), reproducible (sorted, mtime 0, root-owned). CONFIG_JSON is the image's
# "config" object (User, Env, Entrypoint, ...).
image_tar() {
  local rootfs="$1" out="$2" tag="$3" config="$4" history="$5" img diff_id
  img=$(mktemp -d "$STATE/images/img.XXXXXX")
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$img/layer.tar" .
  diff_id="sha256:$(sha256sum "$img/layer.tar" | cut -d' ' -f1)"
  jq -n --argjson config "$config" --arg diff "$diff_id" --arg history "$history" \
    '{architecture: "amd64", os: "linux", config: $config, rootfs: {type: "layers", diff_ids: [$diff]}, history: [{created_by: $history}]}' \
    > "$img/config.json"
  jq -n --arg tag "$tag" '[{Config: "config.json", RepoTags: [$tag], Layers: ["layer.tar"]}]' > "$img/manifest.json"
  mkdir -p "$(dirname "$out")"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$img" -cf "$out" manifest.json config.json layer.tar
  rm -rf "$img"
}
