#!/usr/bin/env bash
# health.sh against a live aduand, with the stand-in for grpcurl first on
# PATH: the server is SERVING, an unknown service is NotFound.
#
# grpcurl (and so the stand-in) learns the request type of
# grpc.health.v1.Health/Check through server reflection only: aduand links
# health.proto's descriptor in for that.
#
# Usage: tests/e2e/with_server.sh build/aduand tests/grpcurl/health_test.sh
set -euo pipefail
# shellcheck source=tests/grpcurl/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run 0 health "$T/health.sh"
expect_j health 'r' '{"status": "SERVING"}'
run 69 health_unknown "$T/health.sh" no.such.Service
expect_error health_unknown NotFound ''
# No token is needed, and a token does not matter.
ADUAN_TOKEN=adn_not_a_token run 0 health_bad_token "$T/health.sh"
expect_j health_bad_token 'r["status"]' SERVING

echo "grpcurl health: all checks passed"
