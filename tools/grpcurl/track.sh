#!/usr/bin/env bash
# The citizen's view of a complaint (IntakeService/TrackComplaint).
set -euo pipefail
usage="Usage: track.sh TRACKING_CODE PIN

Shows what the complainant sees with tracking code and PIN: the state and
the public timeline. Sends no token (ADUAN_TOKEN is not used). A wrong PIN
and an unknown code both give NotFound; too many wrong PINs lock the code
for a while (ResourceExhausted)."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 2 2 "$#"
aduan_call_public aduan.v1.IntakeService/TrackComplaint "$(json_object \
  tracking_code "$(json_str "$1")" pin "$(json_str "$2")")"
