#!/usr/bin/env bash
# The services aduand exposes, or the methods of one (server reflection).
set -euo pipefail
usage="Usage: list-services.sh [SERVICE]

Without SERVICE: the services of the server, one a line. With SERVICE (e.g.
aduan.v1.IntakeService): its methods, one a line."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 0 1 "$#"
aduan_grpcurl "$ADUAN_ADDR" list "$@"
