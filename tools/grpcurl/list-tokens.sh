#!/usr/bin/env bash
# A principal's tokens, newest first (AdminService/ListTokens).
set -euo pipefail
usage="Usage: list-tokens.sh PRINCIPAL_ID

Lists the tokens of a principal (admin): token_id, description, create_time,
expire_time, last_used_time, revoke_time. Secrets are never shown."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 1 1 "$#"
aduan_call aduan.v1.AdminService/ListTokens "$(json_object principal_id "$(json_str "$1")")"
