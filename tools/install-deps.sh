#!/usr/bin/env bash
# Installs every Debian 12 package Aduan needs to build, run and test.
# Idempotent: packages already installed are skipped (apt-get is not even
# called when nothing is missing). Needs root (or sudo).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache clang-format
  # gRPC 1.51, protobuf 3.21, abseil 20220623
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev grpc-proto
  # SOCI 4.0.3 with MySQL and SQLite backends (headers need Boost)
  libsoci-dev libboost-dev default-libmysqlclient-dev libsqlite3-dev
  # OpenSSL 3 (SHA-256, HMAC, AES-GCM, random bytes), logging
  libssl-dev libspdlog-dev libfmt-dev
  # zlib (inflating PDF object streams when checking for active content)
  zlib1g-dev
  # tests: GoogleTest, a real MariaDB server, Python gRPC for client tests
  libgtest-dev libgmock-dev mariadb-server mariadb-client
  python3-grpcio python3-protobuf tzdata
  # tests: the openssl command makes the TLS certificates
  openssl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
# Node.js and npm for the TypeScript client's test, unless some other package
# provides them already (a newer nodejs may bundle npm).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# Never start a system MariaDB service: tests run their own private server.
# The guard is ours only when we put it there, and it goes again even when
# apt-get fails.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod +x /usr/sbin/policy-rc.d
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
