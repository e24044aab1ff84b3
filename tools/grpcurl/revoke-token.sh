#!/usr/bin/env bash
# Revokes a bearer token at once (AdminService/RevokeToken).
set -euo pipefail
usage="Usage: revoke-token.sh TOKEN_ID

Revokes the token TOKEN_ID (tok_…, from issue-token.sh or list-tokens.sh;
not the secret) (admin). Its next call is Unauthenticated. Prints the token
record with its revoke_time."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

case "${1:-}" in -h | --help) aduan_help ;; -*) aduan_usage_error "unknown option $1" ;; esac
aduan_expect_args 1 1 "$#"
aduan_call aduan.v1.AdminService/RevokeToken "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  token_id "$(json_str "$1")")"
