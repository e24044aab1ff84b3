#!/usr/bin/env bash
# Makes the TLS material used by Aduan's end-to-end tests, in OUTDIR:
#   ca.pem / ca.key                    test CA "Aduan Test CA", valid 10 years
#   server.pem / server.key            CN=localhost, SAN DNS:localhost,
#                                      IP:127.0.0.1, serverAuth, valid 1 year
#   client.pem / client.key            CN=gateway-website, clientAuth, 1 year
#   expired.pem / expired.key          CN=gateway-website, clientAuth, valid
#                                      only 2020-01-01 .. 2021-01-01 (expired)
#   other-ca.pem / other-ca.key        an unrelated second CA
#   wrong-ca-client.pem / .key         CN=gateway-website, clientAuth, signed
#                                      by other-ca (must be rejected)
#   stranger.pem / stranger.key        CN=gateway-unknown, clientAuth, signed
#                                      by ca, mapped to no principal
# All keys are EC P-256, unencrypted PKCS#8 PEM, mode 0600. Certificates are
# PEM; CAs carry basicConstraints CA:TRUE + keyCertSign,cRLSign, leaves carry
# CA:FALSE + digitalSignature. Existing files in OUTDIR are overwritten.
# Prints nothing on success; on failure prints the failing openssl output.
#
# Usage: make_test_certs.sh OUTDIR
set -euo pipefail

if [ "$#" -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi

mkdir -p "$1"
out="$(cd "$1" && pwd)"
umask 077

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
touch "$work/index.txt"

# Runs a command quietly; shows its output only if it fails.
run() {
  local log
  if ! log="$("$@" 2>&1)"; then
    printf '%s\n' "$log" >&2
    echo "make_test_certs.sh: failed: $*" >&2
    return 1
  fi
}

# Self-contained config, so the system openssl.cnf does not matter.
cat >"$work/openssl.cnf" <<CNF
[ca]
default_ca = test_ca

[test_ca]
database        = $work/index.txt
new_certs_dir   = $work
rand_serial     = yes
default_md      = sha256
policy          = policy_any
unique_subject  = no
copy_extensions = none
email_in_dn     = no

[policy_any]
commonName = supplied

[req]
distinguished_name = req_dn
string_mask        = utf8only
utf8               = yes

[req_dn]

[v3_ca]
basicConstraints       = critical,CA:TRUE
keyUsage               = critical,keyCertSign,cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[server_ext]
basicConstraints       = critical,CA:FALSE
keyUsage               = critical,digitalSignature
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid,issuer

[client_ext]
basicConstraints       = critical,CA:FALSE
keyUsage               = critical,digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid,issuer
CNF

genkey() {  # NAME
  rm -f "$out/$1.key"
  run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
    -out "$out/$1.key"
  chmod 600 "$out/$1.key"
}

make_ca() {  # NAME COMMON_NAME
  genkey "$1"
  run openssl req -config "$work/openssl.cnf" -new -x509 -sha256 \
    -key "$out/$1.key" -subj "/CN=$2" -days 3650 -extensions v3_ca \
    -out "$out/$1.pem"
  chmod 644 "$out/$1.pem"
}

# make_leaf NAME CA_NAME COMMON_NAME EXT_SECTION [STARTDATE ENDDATE]
# Signs with `openssl ca`, which (unlike `openssl x509 -req`) can set
# validity dates in the past.
make_leaf() {
  local name="$1" ca="$2" cn="$3" ext="$4"
  local -a validity
  if [ "$#" -ge 6 ]; then
    validity=(-startdate "$5" -enddate "$6")
  else
    validity=(-days 365)
  fi
  genkey "$name"
  run openssl req -config "$work/openssl.cnf" -new -sha256 \
    -key "$out/$name.key" -subj "/CN=$cn" -out "$work/$name.csr"
  rm -f "$out/$name.pem"
  run openssl ca -batch -notext -config "$work/openssl.cnf" \
    -cert "$out/$ca.pem" -keyfile "$out/$ca.key" -extensions "$ext" \
    "${validity[@]}" -in "$work/$name.csr" -out "$out/$name.pem"
  chmod 644 "$out/$name.pem"
}

make_ca ca "Aduan Test CA"
make_ca other-ca "Aduan Unrelated Test CA"

make_leaf server          ca       localhost       server_ext
make_leaf client          ca       gateway-website client_ext
make_leaf expired         ca       gateway-website client_ext \
  20200101000000Z 20210101000000Z
make_leaf wrong-ca-client other-ca gateway-website client_ext
make_leaf stranger        ca       gateway-unknown client_ext
