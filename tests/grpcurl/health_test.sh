#!/usr/bin/env bash
# health.sh against a live aduand, with the stand-in for grpcurl first on
# PATH: the server is SERVING, an unknown service is NotFound.
#
# grpcurl (and so the stand-in) learns the request type of
# grpc.health.v1.Health/Check through server reflection only. While aduand
# does not make grpc/health/v1/health.proto known to its reflection service,
# no grpcurl can call Health/Check; this test then exits 77, which ctest
# reports as skipped (SKIP_RETURN_CODE), naming the cause.
#
# Usage: tests/e2e/with_server.sh build/aduand tests/grpcurl/health_test.sh
set -euo pipefail
# shellcheck source=tests/grpcurl/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

status=0
"$T/health.sh" >"$out/health.json" 2>"$out/health.err" || status=$?
if [ "$status" -eq 1 ] &&
  grep -q 'target server does not expose service "grpc.health.v1.Health"' "$out/health.err"; then
  echo "SKIPPED: aduand lists grpc.health.v1.Health, but its reflection service" \
    "cannot resolve the symbol (health.proto is not in the server's descriptor" \
    "pool), so grpcurl cannot call Health/Check: $(cat "$out/health.err")"
  exit 77
fi
run 0 health "$T/health.sh"
expect_j health 'r' '{"status": "SERVING"}'
run 69 health_unknown "$T/health.sh" no.such.Service
expect_error health_unknown NotFound ''
# No token is needed, and a token does not matter.
ADUAN_TOKEN=adn_not_a_token run 0 health_bad_token "$T/health.sh"
expect_j health_bad_token 'r["status"]' SERVING

echo "grpcurl health: all checks passed"
