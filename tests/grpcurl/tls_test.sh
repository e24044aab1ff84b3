#!/usr/bin/env bash
# The TLS settings of tools/grpcurl/common.sh against an aduand that serves
# TLS and verifies client certificates (test certificates of
# tests/e2e/make_test_certs.sh): ADUAN_CACERT alone with a token, and
# ADUAN_CERT + ADUAN_KEY (mTLS) with no token at all; the stand-in for grpcurl
# first on PATH.
#
# Usage: tests/grpcurl/tls_test.sh <path to aduand>
set -euo pipefail
[ "$#" -eq 1 ] || { echo "usage: $0 <path to aduand>" >&2; exit 2; }
aduand="$(realpath "$1")"

work="$(mktemp -d "${TMPDIR:-/tmp}/aduan-grpcurl-tls.XXXXXX")"
pid=""
stop_server() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_server EXIT

"$(dirname "${BASH_SOURCE[0]}")/../e2e/make_test_certs.sh" "$work/certs"
(
  cd "$work"
  "$aduand" migrate --db=sqlite://var/aduan.db 2>bootstrap.log
  "$aduand" bootstrap-admin --db=sqlite://var/aduan.db --name=admin \
    --office=KNG >bootstrap.out 2>bootstrap.log || { cat bootstrap.log >&2; exit 1; }
)
"$aduand" serve --db="sqlite://$work/var/aduan.db" --key_file="$work/var/aduan.key" \
  --listen=127.0.0.1:0 --port_file="$work/port" \
  --tls_cert="$work/certs/server.pem" --tls_key="$work/certs/server.key" \
  --tls_client_ca="$work/certs/ca.pem" \
  ${ADUAN_TEST_CLOCK:+"--testing_clock=$ADUAN_TEST_CLOCK"} >"$work/aduand.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  [ -s "$work/port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/aduand.log" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/port" ] || { cat "$work/aduand.log" >&2; exit 1; }
ADUAN_ADDR="127.0.0.1:$(cat "$work/port")"
export ADUAN_ADDR
admin="$(sed -n 's/^token: //p' "$work/bootstrap.out")"

# shellcheck source=tests/grpcurl/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'rm -rf "$out"; stop_server' EXIT
certs="$work/certs"

# Server verified by the test CA, caller by its token.
ADUAN_CACERT="$certs/ca.pem" run 0 tls_list "$T/list-services.sh"
grep -qx aduan.v1.IntakeService "$out/tls_list.json" || fail "tls_list: no IntakeService"
ADUAN_CACERT="$certs/ca.pem" ADUAN_TOKEN="$admin" run 0 tls_units "$T/list-units.sh" KNG
expect_j tls_units '"TRANTIB" in [u["code"] for u in r["units"]]' true
ADUAN_CACERT="$certs/ca.pem" ADUAN_TOKEN="$admin" run 0 gateway "$T/create-principal.sh" \
  gateway.website "Situs kecamatan" GATEWAY KNG --source website \
  --tls-identity gateway-website
expect_j gateway 'r["tls_identity"]' gateway-website

# A machine client authenticated by its certificate alone (no ADUAN_TOKEN).
export ADUAN_CACERT="$certs/ca.pem" ADUAN_CERT="$certs/client.pem" ADUAN_KEY="$certs/client.key"
run 0 mtls_submit "$T/submit-test-complaint.sh" --channel ONLINE --title "Lewat mTLS"
expect_j mtls_submit 'r["complaint"]["source"]' website
expect_j mtls_submit 'r["complaint"]["state"]' SUBMITTED
run 0 mtls_show "$T/show-complaint.sh" "$(j mtls_submit 'r["complaint"]["tracking_code"]')"
expect_j mtls_show 'r["title"]' "Lewat mTLS"

# A certificate needs its key.
ADUAN_KEY="" run 2 cert_without_key "$T/list-services.sh"
grep -q 'ADUAN_CERT and ADUAN_KEY go together' "$out/cert_without_key.err" \
  || fail "cert_without_key: $(cat "$out/cert_without_key.err")"

echo "grpcurl scripts over TLS: all checks passed"
