#!/usr/bin/env bash
# Generates the Python modules of the Aduan API from protos/ into OUTDIR:
# the package aduan.v1 with *_pb2.py (messages), *_pb2.pyi (type stubs) and
# *_pb2_grpc.py (service stubs), made by Debian's protoc and
# grpc_python_plugin. Put OUTDIR and clients/python on PYTHONPATH to use them
# with the convenience layer aduan_client.
#
# Usage: clients/python/generate.sh OUTDIR
set -euo pipefail
out="${1:?usage: generate.sh OUTDIR}"
protos="$(cd "$(dirname "$0")/../../protos" && pwd)"
plugin="$(command -v grpc_python_plugin || true)"
if [ -z "$plugin" ]; then
  echo "generate.sh: grpc_python_plugin not found (Debian package" \
    "protobuf-compiler-grpc)" >&2
  exit 1
fi
mkdir -p "$out"
rm -rf "$out/aduan"
includes=(-I "$protos")
# Debian's protoc finds google/protobuf/*.proto in /usr/include.
[ -e /usr/include/google/protobuf/timestamp.proto ] && includes+=(-I /usr/include)
protoc "${includes[@]}" \
  --python_out="$out" --pyi_out="$out" --grpc_python_out="$out" \
  --plugin=protoc-gen-grpc_python="$plugin" \
  "$protos"/aduan/v1/*.proto
# Regular packages, so that another `aduan` folder on the path cannot mix in.
touch "$out/aduan/__init__.py" "$out/aduan/v1/__init__.py"
