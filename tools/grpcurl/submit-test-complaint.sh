#!/usr/bin/env bash
# Step 1: submits a test complaint (IntakeService/SubmitComplaint).
set -euo pipefail
usage="Usage: submit-test-complaint.sh [options]

Submits a complaint as the caller (an OFFICER or GATEWAY token) and prints
the stored complaint with its tracking_code and the complainant's pin.
Options (defaults make an obvious test complaint of office KNG):
  --office CODE          office (default KNG)
  --channel CHANNEL      OFFICE (default), ONLINE, EMAIL, PHONE, …
  --title TEXT           default \"Uji coba: lampu jalan mati\"
  --description TEXT     default \"Pengaduan uji coba dari tools/grpcurl.\"
  --category CODE        a category of the office (optional)
  --name NAME            complainant (default \"Warga Uji Coba\")
  --phone PHONE          default 081234567890
  --email ADDRESS        optional
  --kelurahan NAME       a kelurahan of the office (default Kanigaran;
                         \"\" leaves the location out)
  --address TEXT         where the problem is (optional)
  --anonymous            hide the complainant's identity
  --external-reference R reference in the system it came from (optional)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

office=KNG channel=OFFICE category="" email="" address="" anonymous=0 external=""
title="Uji coba: lampu jalan mati"
description="Pengaduan uji coba dari tools/grpcurl."
name="Warga Uji Coba" phone=081234567890 kelurahan=Kanigaran
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --anonymous) anonymous=1; shift; continue ;;
    -*) aduan_need_value "$1" "$#" ;;
    *) aduan_usage_error "unexpected argument $1" ;;
  esac
  case "$1" in
    --office) office="$2" ;;
    --channel) channel="$2" ;;
    --title) title="$2" ;;
    --description) description="$2" ;;
    --category) category="$2" ;;
    --name) name="$2" ;;
    --phone) phone="$2" ;;
    --email) email="$2" ;;
    --kelurahan) kelurahan="$2" ;;
    --address) address="$2" ;;
    --external-reference) external="$2" ;;
    *) aduan_usage_error "unknown option $1" ;;
  esac
  shift 2
done

location=""
if [ -n "$kelurahan$address" ]; then
  location="$(json_object kelurahan "$(json_opt_str "$kelurahan")" \
    address "$(json_opt_str "$address")")"
fi
complaint="$(json_object \
  office_code "$(json_str "$office")" \
  channel "$(json_enum "$channel")" \
  title "$(json_str "$title")" \
  description "$(json_str "$description")" \
  category "$(json_opt_str "$category")" \
  external_reference "$(json_opt_str "$external")" \
  anonymous "$(json_true_if "$anonymous")" \
  complainant "$(json_object name "$(json_opt_str "$name")" \
    phone "$(json_opt_str "$phone")" email "$(json_opt_str "$email")")" \
  location "$location")"
aduan_call aduan.v1.IntakeService/SubmitComplaint \
  "$(json_object request_id "$(json_str "$(aduan_request_id)")" complaint "$complaint")"
