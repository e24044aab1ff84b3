#!/usr/bin/env bash
# A complaint is withdrawn (IntakeService/WithdrawComplaint).
set -euo pipefail
usage="Usage: withdraw.sh TRACKING_CODE REASON [--pin PIN] [--etag ETAG]

Withdraws a complaint that is still open (SUBMITTED, NEEDS_INFO, VERIFIED,
REPORTED_TO_HEAD, DISPOSED, IN_FOLLOW_UP) → WITHDRAWN; an officer then
archives it (archive.sh). By an officer, the complaint's gateway, or the
complainant. REASON says why.
  --pin PIN     act as the complainant with the PIN; no token is sent
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

pin="" etag="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --pin) aduan_need_value "$1" "$#"; pin="$2"; shift 2 ;;
    --etag) aduan_need_value "$1" "$#"; etag="$2"; shift 2 ;;
    --) shift; args+=("$@"); break ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
aduan_expect_args 2 2 "${#args[@]}"
body="$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")" \
  pin "$(json_opt_str "$pin")" \
  reason "$(json_opt_str "${args[1]}")")"
if [ -n "$pin" ]; then
  aduan_call_public aduan.v1.IntakeService/WithdrawComplaint "$body"
else
  aduan_call aduan.v1.IntakeService/WithdrawComplaint "$body"
fi
