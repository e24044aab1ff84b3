#!/usr/bin/env bash
# The head sends a result back (DispositionService/ReturnForRework).
set -euo pipefail
usage="Usage: return-for-rework.sh TRACKING_CODE REASON [--etag ETAG]

Sends a RESOLVED complaint back to the unit (head): DISPOSED. REASON says
what is still to be done.
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

aduan_text_step aduan.v1.DispositionService/ReturnForRework reason 2 "$@"
