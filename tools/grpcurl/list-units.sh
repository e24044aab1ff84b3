#!/usr/bin/env bash
# The units (Kasi/Kasubbag) of an office (AdminService/ListUnits).
set -euo pipefail
usage="Usage: list-units.sh OFFICE

Lists the units of OFFICE (e.g. KNG) by code (admin): the codes used by
dispose.sh and by create-principal.sh --unit."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 1 1 "$#"
aduan_call aduan.v1.AdminService/ListUnits "$(json_object office_code "$(json_str "$1")")"
