#!/usr/bin/env bash
# Builds the version matrix's servers from prebuilt binaries, with no registry:
#   redis-lab/redis:7.2.6-offline   Redis 7.2.6, laid out as the official redis image (redis-sentinel a link)
#   redis-lab/valkey:8.0.1-offline  Valkey 8.0.1: valkey-server, valkey-cli, valkey-sentinel and the
#                                   redis-server / redis-cli links (the official valkey image also has the
#                                   other redis-* links; redis-lab needs none of them)
#   .builds/valkey-8.0.1/bin        valkey-server, valkey-cli, valkey-sentinel only, for --runtime local
#                                   with a Valkey install's own names (no redis-* at all)
# Usage: scripts/build-version-images.sh [builds-folder] (default ../shared/redis-builds, which holds
# redis-7.2.6/bin and valkey-8.0.1/bin; see its README). The folder may be read-only: it is copied first.
# An image that already exists is kept (FORCE=1 rebuilds).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
builds="${1:-$repo/../shared/redis-builds}"
[ -d "$builds/redis-7.2.6/bin" ] && [ -d "$builds/valkey-8.0.1/bin" ] || {
  echo "build-version-images: $builds has no redis-7.2.6/bin and valkey-8.0.1/bin (pass the builds folder as the first argument)" >&2
  exit 1
}
command -v docker >/dev/null || { echo "build-version-images: docker not found" >&2; exit 1; }
busybox="$(readlink -f "$(command -v busybox || true)")"
[ -n "$busybox" ] && { file "$busybox" 2>/dev/null | grep -q 'statically linked' || ldd "$busybox" 2>&1 | grep -q 'not a dynamic'; } || {
  echo "build-version-images: a static busybox is needed (apt-get install busybox-static)" >&2
  exit 1
}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Copies a bin folder. A link may be stored as a small text file naming its target (a checkout
# without symlinks): those become symlinks again.
copy_bin() {
  local from="$1" to="$2" file target
  mkdir -p "$to"
  for file in "$from"/*; do
    [ -e "$file" ] || continue
    if [ -L "$file" ]; then
      ln -sf "$(readlink "$file")" "$to/$(basename "$file")"
    elif [ "$(stat -c %s "$file")" -lt 200 ] && target="$(tr -d '\n' < "$file")" && [ -e "$from/$target" ]; then
      ln -sf "$target" "$to/$(basename "$file")"
    else
      cp "$file" "$to/"
      chmod 755 "$to/$(basename "$file")"
    fi
  done
}

# Builds an image from a copied bin folder: the binaries under /usr/local/bin, the libraries they
# load, a static busybox for sh, and the environment variable the official image sets.
build_image() {
  local tag="$1" bin="$2" env="$3" cmd="$4" root lib
  if [ "${FORCE:-}" != 1 ] && docker image inspect "$tag" >/dev/null 2>&1; then
    echo "kept $tag (FORCE=1 rebuilds)"
    return
  fi
  root="$work/root-${tag//[:\/]/-}"
  mkdir -p "$root/usr/local/bin" "$root/bin" "$root/data" "$root/tmp" "$root/etc"
  chmod 1777 "$root/tmp"
  cp -a "$bin"/. "$root/usr/local/bin/"
  for lib in $(ldd "$bin"/*-server "$bin"/*-cli 2>/dev/null | awk '/=> \//{print $3} /^[ \t]*\/lib/{print $1}' | sort -u); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  cp "$busybox" "$root/bin/busybox"
  for applet in sh cat ls ps kill sleep tail grep seq; do ln -s busybox "$root/bin/$applet"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nredis:x:999:999:redis:/data:/bin/sh\n' > "$root/etc/passwd"
  printf 'root:x:0:\nredis:x:999:\n' > "$root/etc/group"
  printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/bin:/bin' \
    --change "ENV $env" \
    --change 'WORKDIR /data' \
    --change 'EXPOSE 6379' \
    --change "CMD [\"$cmd\"]" \
    --change 'LABEL org.opencontainers.image.title=redis-lab-offline' \
    - "$tag" >/dev/null
  echo "built $tag"
}

copy_bin "$builds/redis-7.2.6/bin" "$work/redis-7.2.6"
copy_bin "$builds/valkey-8.0.1/bin" "$work/valkey-8.0.1"
# The official redis image links redis-sentinel to redis-server too.
[ -e "$work/redis-7.2.6/redis-sentinel" ] || ln -s redis-server "$work/redis-7.2.6/redis-sentinel"
"$work/redis-7.2.6/redis-server" --version | grep -q 'v=7\.2\.6' || { echo "build-version-images: $builds/redis-7.2.6/bin/redis-server is not Redis 7.2.6" >&2; exit 1; }
"$work/valkey-8.0.1/valkey-server" --version | grep -q 'v=8\.0\.1' || { echo "build-version-images: $builds/valkey-8.0.1/bin/valkey-server is not Valkey 8.0.1" >&2; exit 1; }

build_image redis-lab/redis:7.2.6-offline "$work/redis-7.2.6" REDIS_VERSION=7.2.6 redis-server
build_image redis-lab/valkey:8.0.1-offline "$work/valkey-8.0.1" VALKEY_VERSION=8.0.1 valkey-server

# Valkey's own names only, for the local runtime.
native="$repo/.builds/valkey-8.0.1/bin"
rm -rf "$native"
mkdir -p "$native"
cp "$work/valkey-8.0.1/valkey-server" "$work/valkey-8.0.1/valkey-cli" "$native/"
ln -s valkey-server "$native/valkey-sentinel"
echo "built $native ($(ls "$native" | tr '\n' ' '))"
