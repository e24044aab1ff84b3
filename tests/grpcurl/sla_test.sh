#!/usr/bin/env bash
# list-overdue.sh and list-at-risk.sh against real clocks: a test office that
# works around the clock with a service standard of one minute, a complaint X
# and, eight seconds later, a complaint Y. Just after X is due, X is overdue
# and Y (in the last 20% of its minute) at risk; after Y is due, both are
# overdue. Withdrawn, X leaves the overdue list but not the --all-states one.
# Takes a little over a minute.
#
# Usage: tests/e2e/with_server.sh build/aduand tests/grpcurl/sla_test.sh
set -euo pipefail
# shellcheck source=tests/grpcurl/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

admin="$ADUAN_ADMIN_TOKEN"

# An office open every day all day (the standard's clock counts working time
# only), service standard 60 seconds.
hours=""
for day in 1 2 3 4 5 6 7; do
  hours+="${hours:+, }{\"weekday\": $day, \"open\": \"00:00\", \"close\": \"24:00\"}"
done
ADUAN_TOKEN="$admin" run 0 create_office "$T/call.sh" aduan.v1.AdminService/CreateOffice \
  "{\"request_id\": \"sla-office\", \"office\": {\"code\": \"UJI\",
    \"name\": \"Kecamatan Uji Coba\", \"time_zone\": \"Asia/Jakarta\",
    \"working_hours\": [$hours], \"service_sla\": \"60s\",
    \"resolution_sla\": \"3600s\", \"needs_info_limit_days\": 10}}"
expect_j create_office 'r["service_sla"]' 60s
ADUAN_TOKEN="$admin" run 0 create_officer "$T/create-principal.sh" \
  uji.officer "Petugas Uji" OFFICER UJI
ADUAN_TOKEN="$admin" run 0 token_officer "$T/issue-token.sh" "$(j create_officer 'r["principal_id"]')"
export ADUAN_TOKEN
ADUAN_TOKEN="$(j token_officer 'r["secret"]')"

# The server's clock may be pinned to another moment than this machine's
# (tools/test.sh --at): its time is this machine's plus `skew` seconds,
# measured from X's create_time against this machine's time when X's
# submission returned (so at most that call's duration too small, which
# only makes the waits longer).
skew=0
now_here() { "$PY" -c 'import time; print(time.time())'; }
# The seconds from the server's now until an RFC 3339 time (negative when
# past).
seconds_until() {
  "$PY" -c 'import datetime, sys, time
t = datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00"))
print(t.timestamp() - (time.time() + float(sys.argv[2])))' "$1" "$skew"
}
# Sleeps until SECONDS after an RFC 3339 time.
sleep_until_after() {
  local wait
  wait="$("$PY" -c 'import sys; print(max(0.0, float(sys.argv[1]) + float(sys.argv[2])))' \
    "$(seconds_until "$1")" "$2")"
  sleep "$wait"
}
codes() {  # the tracking codes of a list answer, in order
  j "$1" '[c["tracking_code"] for c in r.get("complaints", [])]'
}

run 0 submit_x "$T/submit-test-complaint.sh" --office UJI --kelurahan "" --title "Uji SLA X"
returned_x="$(now_here)"
skew="$(j submit_x '__import__("datetime").datetime.fromisoformat(
  r["complaint"]["create_time"].replace("Z", "+00:00")).timestamp() - '"$returned_x")"
sleep 8
run 0 submit_y "$T/submit-test-complaint.sh" --office UJI --kelurahan "" --title "Uji SLA Y"
x="$(j submit_x 'r["complaint"]["tracking_code"]')"
y="$(j submit_y 'r["complaint"]["tracking_code"]')"
due_x="$(j submit_x 'r["complaint"]["service_sla"]["due_time"]')"
due_y="$(j submit_y 'r["complaint"]["service_sla"]["due_time"]')"
expect_j submit_x 'r["complaint"]["service_sla"]["status"]' ON_TIME

# Fresh: neither list has them.
run 0 overdue_fresh "$T/list-overdue.sh" --office UJI
expect "overdue, fresh" "$(codes overdue_fresh)" '[]'
run 0 at_risk_fresh "$T/list-at-risk.sh" --office UJI
expect "at risk, fresh" "$(codes at_risk_fresh)" '[]'

# Just after X is due: X overdue, Y in its last 12 seconds.
sleep_until_after "$due_x" 1.5
run 0 overdue_x "$T/list-overdue.sh" --office UJI
run 0 at_risk_y "$T/list-at-risk.sh" --office UJI
left_y="$(seconds_until "$due_y")"
"$PY" -c 'import sys; sys.exit(0 if 0 < float(sys.argv[1]) < 12 else 1)' "$left_y" \
  || fail "timing: Y has $left_y s left, not in its last 20% (the machine is too slow?)"
expect "overdue after X's due time" "$(codes overdue_x)" "[\"$x\"]"
expect "at risk after X's due time" "$(codes at_risk_y)" "[\"$y\"]"
run 0 show_x "$T/show-complaint.sh" "$x"
expect_j show_x 'r["service_sla"]["status"]' BREACHED
# The same through list-complaints.sh with both standings.
run 0 either "$T/list-complaints.sh" --office UJI --sla AT_RISK --sla BREACHED \
  --order-by "create_time asc"
expect "at risk or breached" "$(codes either)" "[\"$x\", \"$y\"]"

# After Y is due: both overdue (newest first), none at risk.
sleep_until_after "$due_y" 1.5
run 0 overdue_both "$T/list-overdue.sh" --office UJI
expect "overdue after Y's due time" "$(codes overdue_both)" "[\"$y\", \"$x\"]"
run 0 at_risk_none "$T/list-at-risk.sh" --office UJI
expect "at risk after Y's due time" "$(codes at_risk_none)" '[]'

# Withdrawn, X's clock stops late: not overdue any more, but still BREACHED.
run 0 withdraw_x "$T/withdraw.sh" "$x" "Uji selesai"
run 0 overdue_open "$T/list-overdue.sh" --office UJI
expect "overdue, open only" "$(codes overdue_open)" "[\"$y\"]"
run 0 overdue_all "$T/list-overdue.sh" --office UJI --all-states
expect "overdue, all states" "$(codes overdue_all)" "[\"$y\", \"$x\"]"
run 0 overdue_withdrawn "$T/list-overdue.sh" --office UJI --state WITHDRAWN
expect "overdue, withdrawn only" "$(codes overdue_withdrawn)" "[\"$x\"]"
# Other offices are not mixed in.
run 0 overdue_kng "$T/list-overdue.sh" --office KNG
expect "overdue in KNG" "$(codes overdue_kng)" '[]'

echo "grpcurl SLA lists: all checks passed"
