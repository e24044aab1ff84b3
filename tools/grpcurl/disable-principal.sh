#!/usr/bin/env bash
# Disables (or with --enable enables) a principal (AdminService/UpdatePrincipal).
set -euo pipefail
usage="Usage: disable-principal.sh [--enable] PRINCIPAL_ID

Disables the principal PRINCIPAL_ID (p_…, from create-principal.sh or
list-principals.sh) (admin): every token and certificate of it stops working
on its next call. --enable lets it work again. Prints the principal."
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

disabled=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --enable) disabled=0; shift ;;
    --) shift; break ;;
    -*) aduan_usage_error "unknown option $1" ;;
    *) break ;;
  esac
done
aduan_expect_args 1 1 "$#"
aduan_call aduan.v1.AdminService/UpdatePrincipal "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  principal "$(json_object \
    principal_id "$(json_str "$1")" \
    disabled "$(json_true_if "$disabled")")" \
  update_mask "$(json_field_mask disabled)")"
