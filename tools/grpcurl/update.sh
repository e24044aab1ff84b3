#!/usr/bin/env bash
# An officer corrects a complaint (IntakeService/UpdateComplaint).
set -euo pipefail
usage="Usage: update.sh TRACKING_CODE [options]

Corrects the given fields of a complaint (officer) before it is disposed;
the flags --anonymous and --confidential can be raised until it is archived
(never lowered). Only the fields given are changed (the update mask).
  --title TEXT             --description TEXT        --category CODE
  --kelurahan NAME         --location-address TEXT
  --name NAME              --phone PHONE             --email ADDRESS
  --nik NIK                --kk KK_NUMBER            --address TEXT
                           (the last six: the complainant's details)
  --anonymous              --confidential
  --etag ETAG              the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

# Each field given: its value (JSON), its place and its path in the mask.
content=() location=() complainant=() paths=() etag="" args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --anonymous) content+=(anonymous true); paths+=(anonymous); shift; continue ;;
    --confidential) content+=(confidential true); paths+=(confidential); shift; continue ;;
    -*) aduan_need_value "$1" "$#" ;;
    *) args+=("$1"); shift; continue ;;
  esac
  value="$(json_str "$2")"
  case "$1" in
    --title) content+=(title "$value"); paths+=(title) ;;
    --description) content+=(description "$value"); paths+=(description) ;;
    --category) content+=(category "$value"); paths+=(category) ;;
    --kelurahan) location+=(kelurahan "$value"); paths+=(location.kelurahan) ;;
    --location-address) location+=(address "$value"); paths+=(location.address) ;;
    --name) complainant+=(name "$value"); paths+=(complainant.name) ;;
    --phone) complainant+=(phone "$value"); paths+=(complainant.phone) ;;
    --email) complainant+=(email "$value"); paths+=(complainant.email) ;;
    --nik) complainant+=(nik "$value"); paths+=(complainant.nik) ;;
    --kk) complainant+=(kk_number "$value"); paths+=(complainant.kk_number) ;;
    --address) complainant+=(address "$value"); paths+=(complainant.address) ;;
    --etag) etag="$2" ;;
    *) aduan_usage_error "unknown option $1" ;;
  esac
  shift 2
done
aduan_expect_args 1 1 "${#args[@]}"
[ "${#paths[@]}" -gt 0 ] || aduan_usage_error "give at least one field to change"

location_json="" complainant_json=""
if [ "${#location[@]}" -gt 0 ]; then
  location_json="$(json_object "${location[@]}")"
fi
if [ "${#complainant[@]}" -gt 0 ]; then
  complainant_json="$(json_object "${complainant[@]}")"
fi
complaint="$(json_object tracking_code "$(json_str "${args[0]}")" \
  "${content[@]}" location "$location_json" complainant "$complainant_json")"
aduan_call aduan.v1.IntakeService/UpdateComplaint "$(json_object \
  request_id "$(json_str "$(aduan_request_id)")" \
  complaint "$complaint" \
  update_mask "$(json_field_mask "${paths[@]}")" \
  etag "$(json_opt_str "$etag")")"
