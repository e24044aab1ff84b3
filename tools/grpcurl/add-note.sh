#!/usr/bin/env bash
# The unit records progress (DispositionService/AddFollowUpNote).
set -euo pipefail
usage="Usage: add-note.sh TRACKING_CODE NOTE [--etag ETAG]

Adds a progress note to a complaint IN_FOLLOW_UP (its unit); the state
does not change. See history.sh for the notes.
  --etag ETAG   the complaint's etag as last read (stale: Aborted)"
# shellcheck source=tools/grpcurl/common.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

aduan_text_step aduan.v1.DispositionService/AddFollowUpNote note 2 "$@"
