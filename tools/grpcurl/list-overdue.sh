#!/usr/bin/env bash
# Open complaints past their due time: list-complaints.sh --sla BREACHED.
set -euo pipefail
usage="Usage: list-overdue.sh [--all-states] [list-complaints.sh options]

Lists the complaints whose running SLA clock is past its due time
(sla_statuses BREACHED) in the states where a clock runs: SUBMITTED, VERIFIED,
REPORTED_TO_HEAD (the service clock, the standard's 60 minutes), DISPOSED,
IN_FOLLOW_UP (the resolution clock). --all-states also lists complaints in
other states whose clock stopped late; --state S (repeatable) lists those
states only. Other options as list-complaints.sh (e.g. --office KNG, --unit
TRANTIB, --page-size N)."
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
# shellcheck source=tools/grpcurl/common.sh
source "$here/common.sh"

state_filter=(--state SUBMITTED --state VERIFIED --state REPORTED_TO_HEAD
  --state DISPOSED --state IN_FOLLOW_UP)
rest=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) aduan_help ;;
    --all-states) state_filter=(); shift ;;
    --state)
      aduan_need_value "$1" "$#"
      # The caller's states replace the default list (states are ORed).
      [ -n "${own_states:-}" ] || state_filter=()
      own_states=1
      state_filter+=(--state "$2")
      shift 2
      ;;
    --sla) aduan_usage_error "--sla is BREACHED here" ;;
    *) rest+=("$1"); shift ;;
  esac
done
exec "$here/list-complaints.sh" --sla BREACHED "${state_filter[@]}" "${rest[@]}"
