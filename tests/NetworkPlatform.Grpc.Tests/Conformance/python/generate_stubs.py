"""Generates python stubs for the conformance tests into OUT_DIR. Usage: generate_stubs.py ECHO_PROTO_DIR RPC_PROTO_DIR OUT_DIR.

The standard health/reflection protos come from Debian's grpc-proto; they are copied out of their grpc/ folder first,
because modules generated under grpc/ would shadow the grpc package itself."""
import os
import shutil
import sys

from grpc_tools import protoc

echo_dir, rpc_dir, out = sys.argv[1:4]
src = os.path.join(out, "src")
os.makedirs(src, exist_ok=True)
copies = {
    "health.proto": "/usr/share/grpc-proto/grpc/health/v1/health.proto",
    "reflection_v1.proto": "/usr/share/grpc-proto/grpc/reflection/v1/reflection.proto",
    "reflection_v1alpha.proto": "/usr/share/grpc-proto/grpc/reflection/v1alpha/reflection.proto",
    "rpc_status.proto": os.path.join(rpc_dir, "status.proto"),
    "rpc_error_details.proto": os.path.join(rpc_dir, "error_details.proto"),
    "echo.proto": os.path.join(echo_dir, "echo.proto"),
}
for name, path in copies.items():
    shutil.copy(path, os.path.join(src, name))

include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
args = ["protoc", f"-I{src}", f"--python_out={out}", f"--grpc_python_out={out}"]
if os.path.isdir(include):
    args.append(f"-I{include}")
else:
    args.append("-I/usr/include")
code = protoc.main(args + [os.path.join(src, name) for name in copies])
sys.exit(code)
