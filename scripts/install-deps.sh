#!/usr/bin/env bash
# Installs the Debian 12 packages Gongkai needs to build, run and test. Idempotent: packages
# already installed are skipped, and apt is not touched at all when nothing is missing.
# Usage: scripts/install-deps.sh [build|test|all]   (default: all)
set -euo pipefail

# CMake configures the tests and benchmarks with the program, so their headers are build deps.
build_pkgs=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libboost-system-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3
  nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev
  libsodium-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev libzip-dev
  libqrencode-dev libicu-dev libpoppler-cpp-dev libkainjow-mustache-dev
  fonts-noto-cjk
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  libcurl4-openssl-dev
)
test_pkgs=(
  clang-14 libclang-rt-14-dev clang-format
  postgresql
  poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui
  zbar-tools librsvg2-bin
  chromium
  wrk nginx
  python3-aiosmtpd
)

want=()
case "${1:-all}" in
  build) want=("${build_pkgs[@]}") ;;
  test | all) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
# The browser tests drive Debian's chromium through playwright-core from npm; machines that ship
# Node.js from another source already have npm, so Debian's is only installed when absent.
if [ "${1:-all}" != build ] && ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"

