#!/usr/bin/env bash
# Every script of tools/grpcurl/ against a live aduand, with the stand-in for
# grpcurl (tests/grpcurl/grpcurl) first on PATH. The staff of Kanigaran is set
# up and a complaint walks from submission to a verified archive with the
# scripts alone; around it the other paths (NEEDS_INFO and supplement,
# decline, withdrawal, rework, PIN reissue), the lists, errors and token
# revocation. health.sh has its own test (health_test.sh), the SLA lists
# against real clocks theirs (sla_test.sh).
#
# Usage: tests/e2e/with_server.sh build/aduand tests/grpcurl/scripts_test.sh
set -euo pipefail
# shellcheck source=tests/grpcurl/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

admin="$ADUAN_ADMIN_TOKEN"
only_digits='^[0-9]+$'

# --- every script: --help, and wrong arguments ---------------------------------
count=0
for script in "$T"/*.sh; do
  name="$(basename "$script")"
  [ "$name" != common.sh ] || continue
  count=$((count + 1))
  run 0 "help_$name" "$script" --help
  head -n1 "$out/help_$name.json" | grep -q "^Usage: $name" \
    || fail "$name --help: first line is not 'Usage: $name …'"
  run 2 "bad_option_$name" "$script" --no-such-option
  grep -q "^Usage: $name" "$out/bad_option_$name.err" \
    || grep -q "^Usage: list-complaints.sh" "$out/bad_option_$name.err" \
    || fail "$name --no-such-option: no usage on stderr"
done
[ "$count" -ge 30 ] || fail "only $count scripts in $T"
# Missing and surplus positional arguments.
run 2 show_no_args "$T/show-complaint.sh"
grep -q 'too few arguments' "$out/show_no_args.err" || fail "show-complaint.sh: no 'too few'"
run 2 track_three_args "$T/track.sh" KNG-AAAAAAAA 12345678 extra
grep -q 'too many arguments' "$out/track_three_args.err" || fail "track.sh: no 'too many'"
run 2 page_size_word "$T/list-complaints.sh" --page-size ten
run 2 option_without_value "$T/dispose.sh" KNG-AAAAAAAA TRANTIB text --etag

# --- reflection: list and describe ----------------------------------------------
run 0 list "$T/list-services.sh"
for service in Admin Archive Attachment Complaint Disposition Intake Verification; do
  grep -qx "aduan.v1.${service}Service" "$out/list.json" || fail "list: no aduan.v1.${service}Service"
done
grep -qx grpc.reflection.v1alpha.ServerReflection "$out/list.json" || fail "list: no reflection"
sort -c "$out/list.json" || fail "list: services not sorted"
run 0 list_intake "$T/list-services.sh" aduan.v1.IntakeService
expect "methods of IntakeService" "$(tr '\n' ' ' <"$out/list_intake.json")" \
  "aduan.v1.IntakeService.ReissuePin aduan.v1.IntakeService.SubmitComplaint \
aduan.v1.IntakeService.SupplementComplaint aduan.v1.IntakeService.TrackComplaint \
aduan.v1.IntakeService.UpdateComplaint aduan.v1.IntakeService.WithdrawComplaint "
run 0 describe_request "$T/describe.sh" aduan.v1.SubmitComplaintRequest
expect "describe, first line" "$(head -n1 "$out/describe_request.json")" \
  "aduan.v1.SubmitComplaintRequest is a message:"
expect_grep describe_request '^  string request_id = 1;$'
expect_grep describe_request '^  \.aduan\.v1\.Complaint complaint = 2;$'
run 0 describe_method "$T/describe.sh" aduan.v1.DispositionService.DisposeComplaint
expect_grep describe_method '^rpc DisposeComplaint \( \.aduan\.v1\.DisposeComplaintRequest \) returns \( \.aduan\.v1\.Complaint \);$'
run 0 describe_enum "$T/describe.sh" aduan.v1.SlaClock.Status
expect_grep describe_enum '^  AT_RISK = 2;$'
run 1 describe_unknown "$T/describe.sh" aduan.v1.NoSuchMessage
grep -q 'aduan.v1.NoSuchMessage' "$out/describe_unknown.err" || fail "describe_unknown: symbol not named"

# --- admin: the staff of Kanigaran -------------------------------------------------
ADUAN_TOKEN="$admin" run 0 units "$T/list-units.sh" KNG
expect_j units '"TRANTIB" in [u["code"] for u in r["units"]]' true
expect_j units 'all(u["office_code"] == "KNG" for u in r["units"])' true
unit="$(j units '[u["code"] for u in r["units"] if u["code"] == "TRANTIB"][0]')"
ADUAN_TOKEN="$admin" run 0 offices "$T/list-offices.sh"
expect_j offices '[o["code"] for o in r["offices"]]' '["KNG"]'
expect_j offices 'r["offices"][0]["time_zone"]' Asia/Jakarta
ADUAN_TOKEN="$admin" run 0 categories "$T/list-categories.sh" KNG
expect_j categories '"INFRA" in [c["code"] for c in r["categories"]]' true

ADUAN_TOKEN="$admin" run 0 create_officer "$T/create-principal.sh" \
  siti.officer 'Siti "Petugas Pengaduan"' officer KNG
expect_j create_officer 'r["display_name"]' 'Siti "Petugas Pengaduan"'
expect_j create_officer 'r["role_bindings"]' '[{"role": "OFFICER", "office_code": "KNG"}]'
grep -Eq '^request_id: [0-9a-f-]{36}$' "$out/create_officer.err" || fail "create_officer: request_id not shown"
ADUAN_TOKEN="$admin" run 0 create_secretary "$T/create-principal.sh" \
  rina.sekcam "Rina (Sekretaris Camat)" SECRETARY KNG
ADUAN_TOKEN="$admin" run 0 create_head "$T/create-principal.sh" \
  agus.camat "Agus (Camat)" HEAD KNG
ADUAN_TOKEN="$admin" run 0 create_unit "$T/create-principal.sh" \
  budi.trantib "Budi (Kasi Trantib)" UNIT KNG --unit "$unit"
expect_j create_unit 'r["role_bindings"]' \
  "[{\"role\": \"UNIT\", \"office_code\": \"KNG\", \"unit_code\": \"$unit\"}]"
# A taken name is AlreadyExists (64 + 6).
ADUAN_TOKEN="$admin" run 70 create_twice "$T/create-principal.sh" \
  siti.officer "Siti lagi" OFFICER KNG
expect_error create_twice AlreadyExists ''

ADUAN_TOKEN="$admin" run 0 principals "$T/list-principals.sh" --office KNG
expect_j principals '[p["name"] for p in r["principals"]]' \
  '["admin", "agus.camat", "budi.trantib", "rina.sekcam", "siti.officer"]'
ADUAN_TOKEN="$admin" run 0 principals_page "$T/list-principals.sh" --office KNG --page-size 2
expect_j principals_page '[p["name"] for p in r["principals"]]' '["admin", "agus.camat"]'
ADUAN_TOKEN="$admin" run 0 principals_page2 "$T/list-principals.sh" --office KNG \
  --page-size 2 --page-token "$(j principals_page 'r["next_page_token"]')"
expect_j principals_page2 '[p["name"] for p in r["principals"]]' '["budi.trantib", "rina.sekcam"]'

declare -A token token_id principal
for who in officer secretary head unit; do
  principal[$who]="$(j "create_$who" 'r["principal_id"]')"
  ADUAN_TOKEN="$admin" run 0 "token_$who" "$T/issue-token.sh" "${principal[$who]}" \
    --description "meja $who" --ttl-hours 8
  token[$who]="$(j "token_$who" 'r["secret"]')"
  token_id[$who]="$(j "token_$who" 'r["token"]["token_id"]')"
  [[ "${token[$who]}" == adn_* ]] || fail "token_$who: secret ${token[$who]}"
  [[ "${token_id[$who]}" == tok_* ]] || fail "token_$who: token id ${token_id[$who]}"
  expect_j "token_$who" 'r["token"]["principal_id"]' "${principal[$who]}"
  expect_j "token_$who" '"expire_time" in r["token"]' true
done
ADUAN_TOKEN="$admin" run 0 tokens_officer "$T/list-tokens.sh" "${principal[officer]}"
expect_j tokens_officer '[t["token_id"] for t in r["tokens"]]' "[\"${token_id[officer]}\"]"
expect_j tokens_officer 'r["tokens"][0]["description"]' "meja officer"
grep -q adn_ "$out/tokens_officer.json" && fail "list-tokens.sh shows a secret"

as() {  # as ROLE COMMAND...: COMMAND with ROLE's token
  local who="$1"
  shift
  ADUAN_TOKEN="${token[$who]}" "$@"
}

# --- complaint A: submission to a verified archive --------------------------------
title_a='Lampu "PJU" mati di Jl. Mastrip \ barat'
as officer run 0 submit_a "$T/submit-test-complaint.sh" --title "$title_a" \
  --description $'Sejak Senin malam.\nMohon segera diperbaiki.' \
  --name 'Siti Aminah' --phone 0812-3456-7890 --address 'Depan "Toko Makmur"'
expect_j submit_a 'r["complaint"]["title"]' "$title_a"
expect_j submit_a 'r["complaint"]["description"]' $'Sejak Senin malam.\nMohon segera diperbaiki.'
expect_j submit_a 'r["complaint"]["state"]' SUBMITTED
expect_j submit_a 'r["complaint"]["location"]' '{"address": "Depan \"Toko Makmur\"", "kelurahan": "Kanigaran"}'
expect_j submit_a 'r["complaint"]["complainant"]["phone"]' "+6281234567890"
# grpcurl prints the protos' own field names (the reflected descriptors
# carry no JSON names), never lowerCamelCase.
expect_grep submit_a '^  "complaint": \{$'
expect_grep submit_a '^    "tracking_code": "KNG-[0-9A-Z]+",$'
grep -q '"trackingCode"' "$out/submit_a.json" && fail "submit_a: a lowerCamelCase name in the answer"
code_a="$(j submit_a 'r["complaint"]["tracking_code"]')"
pin_a="$(j submit_a 'r["pin"]')"
if ! [[ "$pin_a" =~ $only_digits ]] || [ "${#pin_a}" -ne 8 ]; then
  fail "submit_a: pin '$pin_a'"
fi

as officer run 0 show_a "$T/show-complaint.sh" "$code_a"
expect_j show_a 'r["state"]' SUBMITTED
expect_j show_a 'r["title"]' "$title_a"
expect_j show_a '"anonymous" in r' false
ADUAN_EMIT_DEFAULTS=1 as officer run 0 show_a_defaults "$T/show-complaint.sh" "$code_a"
expect_j show_a_defaults 'r["anonymous"]' false
expect_j show_a_defaults 'r["unit_code"]' ""
etag_submitted="$(j show_a 'r["etag"]')"

# The citizen tracks with the PIN; no token is sent (a bad one would be
# Unauthenticated).
ADUAN_TOKEN=adn_not_a_token run 0 track_a "$T/track.sh" "$code_a" "$pin_a"
expect_j track_a 'r["tracking_code"]' "$code_a"
expect_j track_a 'r["state"]' SUBMITTED
expect_j track_a '[e["state"] for e in r["timeline"]]' '["SUBMITTED"]'
expect_j track_a '"title" in r or "complainant" in r' false
run 69 track_a_wrong_pin "$T/track.sh" "$code_a" 00000000
expect_error track_a_wrong_pin NotFound ''

# Correction before disposition, then verification with the checklist.
as officer run 0 update_a "$T/update.sh" "$code_a" --kelurahan sukabumi \
  --description 'Sejak Senin malam, tiang nomor 12.'
expect_j update_a 'r["location"]["kelurahan"]' Sukabumi
expect_j update_a 'r["location"]["address"]' 'Depan "Toko Makmur"'
expect_j update_a 'r["description"]' 'Sejak Senin malam, tiang nomor 12.'
expect_j update_a 'r["title"]' "$title_a"
# A stale etag is Aborted (64 + 10) and changes nothing.
as officer run 74 verify_a_stale "$T/verify.sh" "$code_a" VERIFIED --kk --etag "$etag_submitted"
expect_error verify_a_stale Aborted ''
as officer run 0 verify_a "$T/verify.sh" "$code_a" verified --kk --ktp --photo \
  --note 'Persyaratan lengkap' --etag "$(j update_a 'r["etag"]')"
expect_j verify_a 'r["state"]' VERIFIED

# Step 3 belongs to the secretary: the officer is PermissionDenied (64 + 7).
as officer run 71 report_a_officer "$T/report-to-head.sh" "$code_a" "Mohon arahan"
expect_error report_a_officer PermissionDenied ''
as secretary run 0 report_a "$T/report-to-head.sh" "$code_a" "Mohon arahan Bapak Camat"
expect_j report_a 'r["state"]' REPORTED_TO_HEAD

as head run 0 dispose_a "$T/dispose.sh" "$code_a" "$unit" 'Segera cek lokasi "tiang 12"'
expect_j dispose_a 'r["state"]' DISPOSED
expect_j dispose_a 'r["unit_code"]' "$unit"
expect_j dispose_a '"due_time" in r["resolution_sla"]' true
# The unit hands it back; the head disposes it again, with a due time.
as unit run 0 return_a "$T/return-disposition.sh" "$code_a" "Perlu koordinasi dengan PLN"
expect_j return_a 'r["state"]' REPORTED_TO_HEAD
# Fourteen days after the server's own time (its clock may be pinned to
# another moment than this machine's), well inside the year a due time may
# lie ahead.
due="$(j return_a '(__import__("datetime").datetime.fromisoformat(r["update_time"][:19])
  + __import__("datetime").timedelta(days=14)).strftime("%Y-%m-%dT%H:%M:%SZ")')"
as head run 0 dispose_a2 "$T/dispose.sh" "$code_a" "$unit" "Tetap tangani" --due "$due"
expect_j dispose_a2 'r["state"]' DISPOSED
# The due time counts working time: at the latest the one given.
expect_j dispose_a2 'r["resolution_sla"]["due_time"][:19] <= "'"$due"'"[:19]' true
expect_j dispose_a2 'r["resolution_sla"]["due_time"] > r["update_time"]' true

as unit run 0 follow_a "$T/start-follow-up.sh" "$code_a" "Tim berangkat"
expect_j follow_a 'r["state"]' IN_FOLLOW_UP
as unit run 0 note_a "$T/add-note.sh" "$code_a" 'Lampu "LED" dipesan'
expect_j note_a 'r["state"]' IN_FOLLOW_UP
as unit run 67 resolve_bad_doc "$T/resolve.sh" "$code_a" "Lampu diganti" \
  --attachment att_0000000000000000
expect_error resolve_bad_doc InvalidArgument \
  'attachment_ids: att_0000000000000000 is not a RESULT document'
as unit run 0 resolve_a "$T/resolve.sh" "$code_a" "Lampu diganti"
expect_j resolve_a 'r["state"]' RESOLVED
as head run 0 rework_a "$T/return-for-rework.sh" "$code_a" "Foto hasil belum ada"
expect_j rework_a 'r["state"]' DISPOSED
as unit run 0 follow_a2 "$T/start-follow-up.sh" "$code_a"
as unit run 0 resolve_a2 "$T/resolve.sh" "$code_a" "Lampu diganti, foto terlampir di berkas"
expect_j resolve_a2 'r["state"]' RESOLVED

as officer run 0 inform_a "$T/inform.sh" "$code_a" phone "Lampu sudah menyala kembali"
expect_j inform_a 'r["state"]' INFORMED
as officer run 0 archive_a "$T/archive.sh" "$code_a"
expect_j archive_a 'r["state"]' ARCHIVED
# Nothing changes an archived complaint: FailedPrecondition (64 + 9) naming
# the state.
as officer run 73 archive_a_again "$T/archive.sh" "$code_a"
expect_error archive_a_again FailedPrecondition ARCHIVED

as officer run 0 get_archive_a "$T/get-archive.sh" "$code_a"
expect_j get_archive_a 'r["tracking_code"]' "$code_a"
expect_j get_archive_a \
  '__import__("hashlib").sha256(r["document"].encode()).hexdigest() == r["sha256"]' true
expect_j get_archive_a 'json.loads(r["document"])["complaint"]["title"]' "$title_a"
expect_j get_archive_a 'json.loads(r["document"])["complaint"]["state"]' ARCHIVED
# The checklist of verification is part of the record.
expect_j get_archive_a '[json.loads(e["payload"]) for e in json.loads(r["document"])["events"]
  if e["type"] == "VERIFIED"][0]["checklist"]' \
  '{"kk_copy": true, "ktp_copy": true, "location_photo": true, "supporting_documents": false}'
as officer run 0 verify_archive_a "$T/verify-archive.sh" "$code_a"
expect_j verify_archive_a 'r["intact"]' true
expect_j verify_archive_a 'r["chain_intact"]' true
expect_j verify_archive_a 'r["stored_sha256"] == r["computed_sha256"] == '"\"$(j get_archive_a 'r["sha256"]')\"" true

as officer run 0 history_a "$T/history.sh" "$code_a"
expect_j history_a '[e["type"] for e in r["events"]]' \
  '["SUBMITTED", "UPDATED", "VERIFIED", "REPORTED_TO_HEAD", "DISPOSED", "DISPOSITION_RETURNED", "DISPOSED", "FOLLOW_UP_STARTED", "FOLLOW_UP_NOTE", "RESOLVED", "RETURNED_FOR_REWORK", "FOLLOW_UP_STARTED", "RESOLVED", "INFORMED", "ARCHIVED"]'
expect_j history_a '[int(e["version"]) for e in r["events"]] == list(range(1, 16))' true
expect_j history_a '[e["actor"] for e in r["events"]][:5]' \
  '["siti.officer", "siti.officer", "siti.officer", "rina.sekcam", "agus.camat"]'
expect_j history_a '[e.get("note") for e in r["events"] if e["type"] == "FOLLOW_UP_NOTE"]' \
  '["Lampu \"LED\" dipesan"]'
as officer run 0 history_a_page "$T/history.sh" "$code_a" --page-size 2
expect_j history_a_page '[e["type"] for e in r["events"]]' '["SUBMITTED", "UPDATED"]'
as officer run 0 history_a_page2 "$T/history.sh" "$code_a" --page-size 2 \
  --page-token "$(j history_a_page 'r["next_page_token"]')"
expect_j history_a_page2 '[e["type"] for e in r["events"]]' '["VERIFIED", "REPORTED_TO_HEAD"]'

run 0 track_a_end "$T/track.sh" "$code_a" "$pin_a"
expect_j track_a_end 'r["state"]' ARCHIVED

# The full view is logged with its reason.
as officer run 0 show_a_full "$T/show-complaint.sh" "$code_a" --full 'Menelepon "pelapor"'
expect_j show_a_full 'r["complainant"]["phone"]' "+6281234567890"
expect_j show_a_full 'r["complainant"].get("masked", False)' false
as officer run 67 show_a_full_no_reason "$T/show-complaint.sh" "$code_a" --full ""
expect_error show_a_full_no_reason InvalidArgument ''
ADUAN_TOKEN="$admin" run 0 access_log_a "$T/access-log.sh" "$code_a"
expect_j access_log_a '[(e["principal_name"], e["role"], e["reason"]) for e in r["entries"]]' \
  '[["siti.officer", "OFFICER", "Menelepon \"pelapor\""]]'

# --- a retry with ADUAN_REQUEST_ID returns the first answer ---------------------
rid="grpcurl-test-$(cat /proc/sys/kernel/random/uuid)"
ADUAN_REQUEST_ID="$rid" as officer run 0 submit_b "$T/submit-test-complaint.sh" \
  --title "Jalan berlubang" --channel online
grep -qx "request_id: $rid" "$out/submit_b.err" || fail "submit_b: request_id not shown"
ADUAN_REQUEST_ID="$rid" as officer run 0 submit_b_retry "$T/submit-test-complaint.sh" \
  --title "Jalan berlubang" --channel online
code_b="$(j submit_b 'r["complaint"]["tracking_code"]')"
pin_b="$(j submit_b 'r["pin"]')"
expect_j submit_b_retry 'r["complaint"]["tracking_code"]' "$code_b"
expect_j submit_b_retry 'r["pin"]' "$pin_b"
expect_j submit_b 'r["complaint"]["channel"]' ONLINE
# The same id with another request is AlreadyExists.
ADUAN_REQUEST_ID="$rid" as officer run 70 submit_b_other "$T/submit-test-complaint.sh" \
  --title "Jalan berlubang besar"
expect_error submit_b_other AlreadyExists ''

# --- complaint B: NEEDS_INFO, supplied by the citizen; PIN reissued -------------
as officer run 0 verify_b "$T/verify.sh" "$code_b" NEEDS_INFO --missing "Foto lokasi"
expect_j verify_b 'r["state"]' NEEDS_INFO
ADUAN_TOKEN=adn_not_a_token run 0 supplement_b "$T/supplement.sh" "$code_b" \
  "Foto dikirim lewat WhatsApp" --pin "$pin_b"
expect_j supplement_b 'r["state"]' SUBMITTED
as officer run 73 supplement_b_again "$T/supplement.sh" "$code_b" "Lagi"
expect_error supplement_b_again FailedPrecondition SUBMITTED
as officer run 0 reissue_b "$T/reissue-pin.sh" "$code_b"
new_pin_b="$(j reissue_b 'r["pin"]')"
if ! [[ "$new_pin_b" =~ $only_digits ]] || [ "$new_pin_b" = "$pin_b" ]; then
  fail "reissue_b: pin '$new_pin_b'"
fi
run 69 track_b_old_pin "$T/track.sh" "$code_b" "$pin_b"
run 0 track_b "$T/track.sh" "$code_b" "$new_pin_b"
expect_j track_b '[e["state"] for e in r["timeline"]]' '["SUBMITTED", "NEEDS_INFO", "SUBMITTED"]'
as officer run 0 verify_b_reject "$T/verify.sh" "$code_b" REJECTED --note "Bukan pengaduan"
expect_j verify_b_reject 'r["state"]' REJECTED

# --- complaint C: declined by the head as out of scope ------------------------------
as officer run 0 submit_c "$T/submit-test-complaint.sh" --title "Sengketa tanah" --kelurahan ""
code_c="$(j submit_c 'r["complaint"]["tracking_code"]')"
expect_j submit_c 'r["complaint"].get("location", {})' '{}'
as officer run 0 verify_c "$T/verify.sh" "$code_c" VERIFIED
as secretary run 0 report_c "$T/report-to-head.sh" "$code_c"
as head run 0 decline_c "$T/decline.sh" "$code_c" out_of_scope "Wewenang BPN" \
  --referred-to "SP4N-LAPOR!"
expect_j decline_c 'r["state"]' OUT_OF_SCOPE
as officer run 0 inform_c "$T/inform.sh" "$code_c" SP4N_LAPOR "Diteruskan ke BPN"
expect_j inform_c 'r["state"]' INFORMED

# --- complaints D and E: withdrawn by the citizen and by the officer -----------------
as officer run 0 submit_d "$T/submit-test-complaint.sh" --title "Sampah menumpuk" --anonymous --name ""
code_d="$(j submit_d 'r["complaint"]["tracking_code"]')"
expect_j submit_d 'r["complaint"]["anonymous"]' true
ADUAN_TOKEN=adn_not_a_token run 0 withdraw_d "$T/withdraw.sh" "$code_d" "Sudah diangkut" \
  --pin "$(j submit_d 'r["pin"]')"
expect_j withdraw_d 'r["state"]' WITHDRAWN
as officer run 0 archive_d "$T/archive.sh" "$code_d"
expect_j archive_d 'r["state"]' ARCHIVED
as officer run 0 verify_archive_d "$T/verify-archive.sh" "$code_d"
expect_j verify_archive_d '[r["intact"], r["chain_intact"]]' '[true, true]'
as officer run 0 submit_e "$T/submit-test-complaint.sh" --title "Parkir liar"
code_e="$(j submit_e 'r["complaint"]["tracking_code"]')"
as officer run 0 withdraw_e "$T/withdraw.sh" "$code_e" "Dobel dengan $code_b"
expect_j withdraw_e 'r["state"]' WITHDRAWN

# --- lists ------------------------------------------------------------------------------
as officer run 0 list_all "$T/list-complaints.sh" --office KNG
expect_j list_all 'int(r["total_size"])' 5
expect_j list_all 'sorted(c["tracking_code"] for c in r["complaints"]) == sorted(["'"$code_a"'", "'"$code_b"'", "'"$code_c"'", "'"$code_d"'", "'"$code_e"'"])' true
as officer run 0 list_archived "$T/list-complaints.sh" --state ARCHIVED --order-by "create_time asc"
expect_j list_archived '[c["tracking_code"] for c in r["complaints"]]' "[\"$code_a\", \"$code_d\"]"
as officer run 0 list_closed "$T/list-complaints.sh" --state rejected --state out_of_scope --state INFORMED
expect_j list_closed 'sorted(c["tracking_code"] for c in r["complaints"]) == sorted(["'"$code_b"'", "'"$code_c"'"])' true
as officer run 0 list_unit "$T/list-complaints.sh" --unit "$unit"
expect_j list_unit '[c["tracking_code"] for c in r["complaints"]]' "[\"$code_a\"]"
as officer run 0 list_online "$T/list-complaints.sh" --channel ONLINE
expect_j list_online '[c["tracking_code"] for c in r["complaints"]]' "[\"$code_b\"]"
as officer run 0 list_query "$T/list-complaints.sh" --query '"PJU"'
expect_j list_query '[c["tracking_code"] for c in r["complaints"]]' "[\"$code_a\"]"
as officer run 0 list_page "$T/list-complaints.sh" --page-size 3
expect_j list_page '[len(r["complaints"]), int(r["total_size"])]' '[3, 5]'
as officer run 0 list_page2 "$T/list-complaints.sh" --page-size 3 \
  --page-token "$(j list_page 'r["next_page_token"]')"
expect_j list_page2 'len(r["complaints"])' 2
as officer run 0 list_from "$T/list-complaints.sh" \
  --from "$(j submit_e 'r["complaint"]["create_time"]')" --to 2099-01-01T00:00:00Z
expect_j list_from '[c["tracking_code"] for c in r["complaints"]]' "[\"$code_e\"]"
# Fresh complaints are neither overdue nor at risk (the clocks against real
# time are sla_test.sh's).
as officer run 0 overdue "$T/list-overdue.sh" --office KNG
expect_j overdue 'r.get("complaints", [])' '[]'
as officer run 0 overdue_all "$T/list-overdue.sh" --all-states
expect_j overdue_all 'r.get("complaints", [])' '[]'
as officer run 0 at_risk "$T/list-at-risk.sh" --office KNG
expect_j at_risk 'r.get("complaints", [])' '[]'

# --- an unknown JSON field is refused by grpcurl and changes nothing ------------------
as officer run 1 unknown_field "$T/call.sh" aduan.v1.IntakeService/SubmitComplaint \
  '{"request_id": "x-1", "complaint": {"office_code": "KNG", "channel": "OFFICE",
    "title": "T", "description": "D", "complainant": {"name": "N", "phone": "081234567890"},
    "priority": "HIGH"}}'
grep -q priority "$out/unknown_field.err" || fail "unknown_field: field not named"
as officer run 0 list_after "$T/list-complaints.sh"
expect_j list_after 'int(r["total_size"])' 5
# call.sh with a body from stdin and the original field names.
echo "{\"tracking_code\": \"$code_c\"}" | as officer run 0 call_stdin "$T/call.sh" \
  aduan.v1.ComplaintService/GetComplaint -
expect_j call_stdin 'r["state"]' INFORMED

# --- errors in grpcurl's format ----------------------------------------------------------
as officer run 69 show_unknown "$T/show-complaint.sh" KNG-ZZZZZZZZ
expect_error show_unknown NotFound ''
run 80 show_no_token "$T/show-complaint.sh" "$code_a"
expect_error show_no_token Unauthenticated ''

# --- token revocation -----------------------------------------------------------------------
ADUAN_TOKEN="$admin" run 0 revoke_officer "$T/revoke-token.sh" "${token_id[officer]}"
expect_j revoke_officer 'r["token_id"]' "${token_id[officer]}"
expect_j revoke_officer '"revoke_time" in r' true
as officer run 80 show_revoked "$T/show-complaint.sh" "$code_a"
expect_error show_revoked Unauthenticated ''
as officer run 80 submit_revoked "$T/submit-test-complaint.sh"
ADUAN_TOKEN="$admin" run 0 tokens_revoked "$T/list-tokens.sh" "${principal[officer]}"
expect_j tokens_revoked '"revoke_time" in r["tokens"][0]' true
# The others' tokens still work.
as secretary run 0 show_secretary "$T/show-complaint.sh" "$code_a"
expect_j show_secretary 'r["state"]' ARCHIVED

# Disabling a principal stops its token on the next call; enabling restores it.
ADUAN_TOKEN="$admin" run 0 disable_head "$T/disable-principal.sh" "${principal[head]}"
expect_j disable_head 'r["disabled"]' true
as head run 80 show_disabled "$T/show-complaint.sh" "$code_a"
expect_error show_disabled Unauthenticated 'principal is disabled'
ADUAN_TOKEN="$admin" run 0 enable_head "$T/disable-principal.sh" --enable "${principal[head]}"
expect_j enable_head '"disabled" in r' false
as head run 0 show_enabled "$T/show-complaint.sh" "$code_a"
expect_j show_enabled 'r["state"]' ARCHIVED

# Plaintext goes to loopback only: a token never crosses the network in clear.
ADUAN_ADDR=10.1.2.3:50051 ADUAN_TOKEN="$admin" run 2 remote_plaintext \
  "$T/list-principals.sh" --office KNG
grep -q "is not a loopback address" "$out/remote_plaintext.err" ||
  fail "remote_plaintext: $(cat "$out/remote_plaintext.err")"

echo "grpcurl scripts: all checks passed ($count scripts)"
