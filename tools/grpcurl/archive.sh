#!/usr/bin/env bash
# Step 7: the officer archives the whole file (ArchiveService/ArchiveComplaint).
set -euo pipefail
usage="Usage: archive.sh TRACKING_CODE [--etag ETAG]

Archives an INFORMED or WITHDRAWN complaint (officer): ARCHIVED. The archive
record (get-archive.sh) is written once and never changes; nothing changes
the complaint afterwards.
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

etag="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --etag) aduan_need_value "$1" "$#"; etag="$2"; shift 2 ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
aduan_expect_args 1 1 "${#args[@]}"
aduan_call aduan.v1.ArchiveService/ArchiveComplaint "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")")"
