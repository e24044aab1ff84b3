#!/usr/bin/env bash
# A staff member or machine client with one role (AdminService/CreatePrincipal).
set -euo pipefail
usage="Usage: create-principal.sh NAME DISPLAY_NAME ROLE OFFICE [options]

Creates a principal (admin of OFFICE) with one role binding and prints it
with its principal_id (p_…); issue-token.sh then gives it a token.
  NAME          3–64 of [a-z0-9._-], unique, e.g. siti.officer
  DISPLAY_NAME  e.g. \"Siti (Petugas Pengaduan)\"
  ROLE          OFFICER, SECRETARY, HEAD, UNIT (needs --unit), GATEWAY
                (needs --source), AUDITOR or ADMIN
  OFFICE        office code, e.g. KNG
Options:
  --unit CODE          the unit of a UNIT binding (list-units.sh)
  --source NAME        the source name of a GATEWAY binding, e.g. website
  --tls-identity CN    common name of the client certificate that
                       authenticates it (mTLS machine clients)
More bindings: aduan.v1.AdminService/AddRoleBinding (call.sh)."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

unit="" source_name="" tls_identity="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    -*) aduan_need_value "$1" "$#" ;;
    *) args+=("$1"); shift; continue ;;
  esac
  case "$1" in
    --unit) unit="$2" ;;
    --source) source_name="$2" ;;
    --tls-identity) tls_identity="$2" ;;
    *) aduan_usage_error "unknown option $1" ;;
  esac
  shift 2
done
aduan_expect_args 4 4 "${#args[@]}"

binding="$(json_object \
  role "$(json_enum "${args[2]}")" \
  office_code "$(json_str "${args[3]}")" \
  unit_code "$(json_opt_str "$unit")" \
  source "$(json_opt_str "$source_name")")"
aduan_call aduan.v1.AdminService/CreatePrincipal "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  principal "$(json_object \
    name "$(json_str "${args[0]}")" \
    display_name "$(json_str "${args[1]}")" \
    role_bindings "$(json_array "$binding")" \
    tls_identity "$(json_opt_str "$tls_identity")")")"
