#!/usr/bin/env bash
# Checks an archive record (ArchiveService/VerifyArchive).
set -euo pipefail
usage="Usage: verify-archive.sh TRACKING_CODE

Recomputes the archive record of a complaint from the stored document and
from the live rows, and checks its HMAC and its link to the office's
previous record. Prints intact and chain_intact (always, also when false),
storedSha256 and computedSha256. Exit status 0 even when not intact: read
the answer."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 1 1 "$#"
aduan_call_with_defaults aduan.v1.ArchiveService/VerifyArchive \
  "$(json_object tracking_code "$(json_str "$1")")"
