#!/usr/bin/env bash
# Installs the Debian packages the project builds and tests with, and nothing
# else; packages already present are left alone. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libssl-dev libsqlite3-dev libxml2-dev libzip-dev
  # The PostgreSQL backend: libpq to build with, the server for the tests to start their own (never a system service).
  libpq-dev postgresql-15
  # scripts/cluster.sh: the load balancer in front of several nodes, and openssl and curl for its certificate and checks.
  haproxy openssl curl
  libgtest-dev libgmock-dev libbenchmark-dev
  prometheus-cpp-dev
  # scripts/fuzz.sh: clang with libFuzzer and the sanitizers' runtime (the product itself builds with g++).
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The candidate's player is built with node and npm and tested in Chromium.
# A node that came with its own npm (as some machines have) is left alone:
# Debian's separate npm package would conflict with it.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Chromium draws text with these; without any font the screenshots show boxes.
fc-list 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
echo "Installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
