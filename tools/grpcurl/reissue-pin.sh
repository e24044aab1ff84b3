#!/usr/bin/env bash
# A new PIN for the complainant (IntakeService/ReissuePin).
set -euo pipefail
usage="Usage: reissue-pin.sh TRACKING_CODE

Issues a new PIN for a complaint (officer) and prints it; the old PIN stops
working at once. Give the new PIN to the complainant only."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 1 1 "$#"
aduan_call aduan.v1.IntakeService/ReissuePin "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "$1")")"
