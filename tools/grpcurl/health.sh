#!/usr/bin/env bash
# Is aduand serving? grpc.health.v1.Health/Check (no token needed).
set -euo pipefail
usage="Usage: health.sh [SERVICE]

Asks grpc.health.v1.Health/Check whether the server (or one service, e.g.
aduan.v1.IntakeService) is serving. aduand answers NOT_SERVING while its
database does not answer. Prints {\"status\": \"SERVING\"}."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 0 1 "$#"
aduan_call_public grpc.health.v1.Health/Check "$(json_object service "$(json_opt_str "${1:-}")")"
