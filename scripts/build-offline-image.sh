#!/usr/bin/env bash
# Builds a small Redis image from this machine's redis-server binaries, for tests on machines
# that cannot pull from a registry. Usage: scripts/build-offline-image.sh [tag]
set -euo pipefail
tag="${1:-redis-lab/redis:offline}"
for bin in redis-server redis-cli busybox; do
  command -v "$bin" >/dev/null || { echo "build-offline-image: $bin not found (apt-get install redis-server redis-tools busybox-static)" >&2; exit 1; }
done
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/local/bin" "$root/bin" "$root/data" "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp"
server="$(readlink -f "$(command -v redis-server)")"
cli="$(readlink -f "$(command -v redis-cli)")"
cp "$server" "$root/usr/local/bin/redis-server"
cp "$cli" "$root/usr/local/bin/redis-cli"
ln -s redis-server "$root/usr/local/bin/redis-sentinel"
# Every shared library the binaries load, at the same paths.
for lib in $(ldd "$server" "$cli" | awk '/=> \//{print $3} /^[ \t]*\/lib/{print $1}' | sort -u); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
busybox="$(readlink -f "$(command -v busybox)")"
file "$busybox" 2>/dev/null | grep -q 'statically linked' || ldd "$busybox" 2>&1 | grep -q 'not a dynamic' || { echo "build-offline-image: busybox must be static (apt-get install busybox-static)" >&2; exit 1; }
cp "$busybox" "$root/bin/busybox"
for applet in sh cat ls ps kill sleep tail grep seq; do ln -s busybox "$root/bin/$applet"; done
printf 'root:x:0:0:root:/root:/bin/sh\nredis:x:999:999:redis:/data:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\nredis:x:999:\n' > "$root/etc/group"
# As in Debian images: /etc/hosts (docker run --add-host) before DNS.
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
version="$(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p')"
tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/usr/local/bin:/bin' \
  --change "ENV REDIS_VERSION=$version" \
  --change 'WORKDIR /data' \
  --change 'EXPOSE 6379' \
  --change 'CMD ["redis-server"]' \
  --change 'LABEL org.opencontainers.image.title=redis-lab-offline' \
  - "$tag" >/dev/null
echo "built $tag from $(redis-server --version | awk '{print $3}')"
