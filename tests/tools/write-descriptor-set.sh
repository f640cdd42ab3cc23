#!/usr/bin/env bash
# Writes a FileDescriptorSet of every public proto, with imports, for Envoy's grpc_json_transcoder.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/proto/networkplatform.pb}
mkdir -p "$(dirname "$out")"
tools=$(ls -d ~/.nuget/packages/grpc.tools/*/ | sort -V | tail -1)
protoc="$tools/tools/linux_x64/protoc"
chmod +x "$protoc"
mapfile -t files < <(cd protos && find networkplatform grpc -name '*.proto' | sort)
"$protoc" -Iprotos -I"$tools/build/native/include" --include_imports --include_source_info \
  --descriptor_set_out="$out" "${files[@]}"
echo "Wrote $out (${#files[@]} protos with their imports)"
