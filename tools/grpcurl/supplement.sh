#!/usr/bin/env bash
# What verification found missing is supplied (IntakeService/SupplementComplaint).
set -euo pipefail
usage="Usage: supplement.sh TRACKING_CODE NOTE [--pin PIN] [--etag ETAG]

Records that what was missing has been supplied: NEEDS_INFO → SUBMITTED
(officer, the complaint's gateway, or the complainant). NOTE says what was
supplied.
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
  note "$(json_opt_str "${args[1]}")")"
if [ -n "$pin" ]; then
  aduan_call_public aduan.v1.IntakeService/SupplementComplaint "$body"
else
  aduan_call aduan.v1.IntakeService/SupplementComplaint "$body"
fi
