#!/usr/bin/env bash
# The definition of a service, method, message or enum (server reflection).
set -euo pipefail
usage="Usage: describe.sh [SYMBOL]

Shows the definition of SYMBOL, a fully-qualified name such as
aduan.v1.IntakeService, aduan.v1.IntakeService.SubmitComplaint,
aduan.v1.SubmitComplaintRequest or aduan.v1.Complaint.State. Without SYMBOL:
every service. Field names are shown as in the protos (tracking_code), and
grpcurl prints answers with the same names; in request bodies it accepts
both these and lowerCamelCase (trackingCode)."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 0 1 "$#"
aduan_grpcurl "$ADUAN_ADDR" describe "$@"
