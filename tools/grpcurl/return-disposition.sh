#!/usr/bin/env bash
# A unit hands a disposition back (DispositionService/ReturnDisposition).
set -euo pipefail
usage="Usage: return-disposition.sh TRACKING_CODE REASON [--etag ETAG]

Hands a DISPOSED complaint back to the head as not the unit's area (the
unit it is disposed to): REPORTED_TO_HEAD. REASON says why.
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

aduan_text_step aduan.v1.DispositionService/ReturnDisposition reason 2 "$@"
