#!/usr/bin/env bash
# The archive record of an archived complaint (ArchiveService/GetArchive).
set -euo pipefail
usage="Usage: get-archive.sh TRACKING_CODE

Prints the archive record: tracking_code, sha256, create_time and document,
the whole file as canonical JSON text (docs/archive.md)."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 1 1 "$#"
aduan_call aduan.v1.ArchiveService/GetArchive \
  "$(json_object tracking_code "$(json_str "$1")")"
