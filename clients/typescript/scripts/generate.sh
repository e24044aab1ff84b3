#!/bin/sh
# Copies the Aduan protos into generated/protos (the client loads them at run
# time, so the package carries its own copy) and generates their TypeScript
# types into generated/types with @grpc/proto-loader's proto-loader-gen-types.
# The options here must match those of loadPackageDefinition in
# src/client.ts: field names as in the protos, int64 as strings, enums as
# their names, defaults filled in, oneofs named.
set -eu
cd "$(dirname "$0")/.."
rm -rf generated
mkdir -p generated/protos/aduan/v1
cp ../../protos/aduan/v1/*.proto generated/protos/aduan/v1/
cd generated/protos
../../node_modules/.bin/proto-loader-gen-types \
  --keepCase --longs=String --enums=String --defaults --oneofs \
  --grpcLib=@grpc/grpc-js --outDir=../types \
  aduan/v1/*.proto --includeDirs=.
