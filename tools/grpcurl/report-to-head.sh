#!/usr/bin/env bash
# Step 3: the secretary reports a complaint to the head (VerificationService/ReportToHead).
set -euo pipefail
usage="Usage: report-to-head.sh TRACKING_CODE [NOTE] [--etag ETAG]

Reports a VERIFIED complaint to the head (secretary): REPORTED_TO_HEAD.
NOTE is an optional note to the head.
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

aduan_text_step aduan.v1.VerificationService/ReportToHead note 1 "$@"
