#!/usr/bin/env bash
# The complaint categories of an office (AdminService/ListCategories).
set -euo pipefail
usage="Usage: list-categories.sh OFFICE

Lists the categories of OFFICE (e.g. KNG) by code (admin), with their SLA
targets and default unit: the codes submit-test-complaint.sh and update.sh
take."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 1 1 "$#"
aduan_call aduan.v1.AdminService/ListCategories "$(json_object office_code "$(json_str "$1")")"
