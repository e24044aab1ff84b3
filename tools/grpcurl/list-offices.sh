#!/usr/bin/env bash
# The offices the caller administers (AdminService/ListOffices).
set -euo pipefail
usage="Usage: list-offices.sh

Lists the offices where the caller is ADMIN, by code, with their time zone,
working hours, holidays, SLA targets, kelurahan, units and categories."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 0 0 "$#"
aduan_call aduan.v1.AdminService/ListOffices '{}'
