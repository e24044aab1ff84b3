#!/usr/bin/env bash
# Step 2: the officer's verification (VerificationService/VerifyComplaint).
set -euo pipefail
usage="Usage: verify.sh TRACKING_CODE OUTCOME [options]

Records the requirement checklist and the outcome of verification of a
SUBMITTED complaint (officer). OUTCOME is one of
  VERIFIED       requirements complete
  NEEDS_INFO     something is missing: --missing TEXT says what
  REJECTED       --note TEXT says why
  OUT_OF_SCOPE   not the office's authority: --referred-to BODY
  DUPLICATE      --duplicate-of TRACKING_CODE of the original
Options:
  --kk --ktp --photo --supporting   requirements present: KK copy, KTP-el
                       copy, photo of the location, supporting documents
  --note TEXT          note of the verification
  --missing TEXT       what is missing (NEEDS_INFO)
  --referred-to BODY   where it goes (OUT_OF_SCOPE), e.g. SP4N-LAPOR!
  --duplicate-of CODE  the original complaint (DUPLICATE)
  --etag ETAG          the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

kk=0 ktp=0 photo=0 supporting=0
note="" missing="" referred_to="" duplicate_of="" etag="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --kk) kk=1; shift; continue ;;
    --ktp) ktp=1; shift; continue ;;
    --photo) photo=1; shift; continue ;;
    --supporting) supporting=1; shift; continue ;;
    -*) aduan_need_value "$1" "$#" ;;
    *) args+=("$1"); shift; continue ;;
  esac
  case "$1" in
    --note) note="$2" ;;
    --missing) missing="$2" ;;
    --referred-to) referred_to="$2" ;;
    --duplicate-of) duplicate_of="$2" ;;
    --etag) etag="$2" ;;
    *) aduan_usage_error "unknown option $1" ;;
  esac
  shift 2
done
aduan_expect_args 2 2 "${#args[@]}"

checklist="$(json_object \
  kk_copy "$(json_true_if "$kk")" \
  ktp_copy "$(json_true_if "$ktp")" \
  location_photo "$(json_true_if "$photo")" \
  supporting_documents "$(json_true_if "$supporting")")"
aduan_call aduan.v1.VerificationService/VerifyComplaint "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  tracking_code "$(json_str "${args[0]}")" \
  etag "$(json_opt_str "$etag")" \
  outcome "$(json_enum "${args[1]}")" \
  checklist "$checklist" \
  note "$(json_opt_str "$note")" \
  missing_info "$(json_opt_str "$missing")" \
  referred_to "$(json_opt_str "$referred_to")" \
  duplicate_of "$(json_opt_str "$duplicate_of")")"
