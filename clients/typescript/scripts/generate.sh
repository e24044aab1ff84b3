#!/bin/sh
# Copies the Aduan protos into generated/protos (the client loads them at run
# time, so the package carries its own copy) and generates their TypeScript
# types into generated/types with @grpc/proto-loader's proto-loader-gen-types.
# The options here must match those of loadPackageDefinition in
# src/client.ts: field names as in the protos, int64 as strings, enums as
# their names, defaults filled in, oneofs named.
#
# Usage: scripts/generate.sh [PROTO_DIR]
#   PROTO_DIR (or the environment's ADUAN_PROTO_DIR) is the folder that holds
#   aduan/v1/*.proto: the repository's protos/ (the default, ../../protos
#   from this package), or the share/aduan/protos of an installed client when
#   the package is copied out of the repository, e.g.
#   ADUAN_PROTO_DIR=/usr/local/share/aduan/protos npm run build
set -eu
cd "$(dirname "$0")/.."
protos="${1:-${ADUAN_PROTO_DIR:-../../protos}}"
if ! ls "$protos"/aduan/v1/*.proto >/dev/null 2>&1; then
  echo "generate.sh: no aduan/v1/*.proto under '$protos'; give the protos'" \
    "folder as the argument or in ADUAN_PROTO_DIR" >&2
  exit 2
fi
rm -rf generated
mkdir -p generated/protos/aduan/v1
cp "$protos"/aduan/v1/*.proto generated/protos/aduan/v1/
cd generated/protos
../../node_modules/.bin/proto-loader-gen-types \
  --keepCase --longs=String --enums=String --defaults --oneofs \
  --grpcLib=@grpc/grpc-js --outDir=../types \
  aduan/v1/*.proto --includeDirs=.
