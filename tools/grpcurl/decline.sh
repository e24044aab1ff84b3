#!/usr/bin/env bash
# Step 4, closing: the head declines a complaint (DispositionService/DeclineComplaint).
set -euo pipefail
usage="Usage: decline.sh TRACKING_CODE OUTCOME REASON [--referred-to BODY] [--etag ETAG]

Closes a complaint REPORTED_TO_HEAD after evaluation (head). OUTCOME is
REJECTED or OUT_OF_SCOPE (not the office's authority); REASON says why. The
officer then informs the complainant (inform.sh).
  --referred-to BODY  where it goes (OUT_OF_SCOPE), e.g. SP4N-LAPOR!
  --etag ETAG         the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

referred_to="" etag="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --referred-to) aduan_need_value "$1" "$#"; referred_to="$2"; shift 2 ;;
    --etag) aduan_need_value "$1" "$#"; etag="$2"; shift 2 ;;
    --) shift; args+=("$@"); break ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
aduan_expect_args 3 3 "${#args[@]}"
aduan_call aduan.v1.DispositionService/DeclineComplaint "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")" \
  outcome "$(json_enum "${args[1]}")" \
  reason "$(json_opt_str "${args[2]}")" \
  referred_to "$(json_opt_str "$referred_to")")"
