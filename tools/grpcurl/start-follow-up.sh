#!/usr/bin/env bash
# Step 5 begins: the unit starts its follow-up (DispositionService/StartFollowUp).
set -euo pipefail
usage="Usage: start-follow-up.sh TRACKING_CODE [NOTE] [--etag ETAG]

The unit a DISPOSED complaint is disposed to starts the follow-up:
IN_FOLLOW_UP. NOTE is optional.
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

aduan_text_step aduan.v1.DispositionService/StartFollowUp note 1 "$@"
