#!/usr/bin/env bash
# Complaints in the last 20% of their time: list-complaints.sh --sla AT_RISK.
set -euo pipefail
usage="Usage: list-at-risk.sh [list-complaints.sh options]

Lists the complaints whose running SLA clock has begun the last 20% of its
allowed time (sla_statuses AT_RISK) and is not yet due: the ones to act on
now. Options as list-complaints.sh (e.g. --office KNG, --unit TRANTIB)."
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
# shellcheck source=tools/grpcurl/common.sh
source "$here/common.sh"

for arg in "$@"; do
  case "$arg" in
    -h | --help) aduan_help ;;
    --sla) aduan_usage_error "--sla is AT_RISK here" ;;
  esac
done
exec "$here/list-complaints.sh" --sla AT_RISK "$@"
