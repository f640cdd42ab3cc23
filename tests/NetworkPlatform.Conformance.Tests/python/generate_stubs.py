"""Generates python stubs for the conformance tests into OUT_DIR with Debian's grpc_tools.
Usage: generate_stubs.py PROTOS_DIR GOOGLE_API_PROTOS_DIR OUT_DIR.

The membership protos come from the repository, google/api and google/rpc/status.proto from Google.Api.CommonProtos'
content/protos,
health and reflection from Debian's grpc-proto; those are copied out of their grpc/ folder first, because modules
generated under grpc/ would shadow the grpc package itself."""
import glob
import os
import shutil
import sys

from grpc_tools import protoc

protos, google_protos, out = sys.argv[1:4]
src = os.path.join(out, "src")
os.makedirs(src, exist_ok=True)
copies = {
    "health.proto": "/usr/share/grpc-proto/grpc/health/v1/health.proto",
    "reflection_v1.proto": "/usr/share/grpc-proto/grpc/reflection/v1/reflection.proto",
    "reflection_v1alpha.proto": "/usr/share/grpc-proto/grpc/reflection/v1alpha/reflection.proto",
}
for name, path in copies.items():
    shutil.copy(path, os.path.join(src, name))
membership = sorted(os.path.relpath(p, protos) for p in glob.glob(os.path.join(protos, "networkplatform", "membership", "v1", "*.proto")))
# error_details.proto uses proto3 `optional`, which this protoc (3.5.1) rejects: the tests read ErrorInfo from its bytes.
google = ["google/api/annotations.proto", "google/api/http.proto", "google/rpc/status.proto"]

include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
args = ["protoc", f"-I{src}", f"-I{protos}", f"-I{google_protos}", f"--python_out={out}", f"--grpc_python_out={out}",
        f"-I{include}" if os.path.isdir(include) else "-I/usr/include"]
sys.exit(protoc.main(args + [os.path.join(src, name) for name in copies] + membership + google))
