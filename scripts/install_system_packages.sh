#!/usr/bin/env bash
# Debian packages for the test suite: PostgreSQL 15 and Chromium. Installs only what is missing,
# so a machine that has them (or a developer without root) is left alone.
set -euo pipefail
need=()
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install_system_packages: missing ${need[*]}; run as root or install them with apt-get" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
