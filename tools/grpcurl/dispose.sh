#!/usr/bin/env bash
# Step 4: the head disposes a complaint to a unit (DispositionService/DisposeComplaint).
set -euo pipefail
usage="Usage: dispose.sh TRACKING_CODE UNIT INSTRUCTION [--due TIME] [--etag ETAG]

Disposes a complaint REPORTED_TO_HEAD (or again, to another unit, while
DISPOSED or IN_FOLLOW_UP) to UNIT, a unit code of the office (list-units.sh),
with the head's INSTRUCTION (head): DISPOSED. Starts the resolution clock.
  --due TIME    when the follow-up is due (RFC 3339, e.g.
                2024-08-09T09:00:00Z); default from the category or office
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

due="" etag="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --due) aduan_need_value "$1" "$#"; due="$2"; shift 2 ;;
    --etag) aduan_need_value "$1" "$#"; etag="$2"; shift 2 ;;
    --) shift; args+=("$@"); break ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
aduan_expect_args 3 3 "${#args[@]}"
aduan_call aduan.v1.DispositionService/DisposeComplaint "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")" \
  unit_code "$(json_str "${args[1]}")" \
  instruction "$(json_opt_str "${args[2]}")" \
  due_time "$(json_opt_str "$due")")"
