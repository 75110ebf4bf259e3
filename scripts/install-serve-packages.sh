#!/usr/bin/env bash
# Debian packages for `make serve-prod`, `make bench` and `make faults` (not needed by `make test`):
# PostgreSQL and Redis servers, nginx with the cache-purge module, envsubst, wrk (make bench). Skips what is already installed.
set -euo pipefail
packages=(postgresql redis-server nginx-light libnginx-mod-http-cache-purge gettext-base wrk)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts the system-wide Redis after installing; we run our own on loopback, so stop that one.
if command -v systemctl >/dev/null && systemctl is-active --quiet redis-server 2>/dev/null; then
    $SUDO systemctl stop redis-server || true
fi
# Likewise the system-wide nginx: ours runs from var/prod/nginx on its own port.
if command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then
    $SUDO systemctl stop nginx || true
fi
