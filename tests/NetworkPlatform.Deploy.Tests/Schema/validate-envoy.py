#!/usr/bin/python3
"""Checks an Envoy bootstrap configuration against Envoy's v3 API protos, the way Envoy itself loads it:
YAML to JSON, then protobuf JSON parsing into envoy.config.bootstrap.v3.Bootstrap, which rejects unknown
fields, wrong types and unknown enum values, and resolves every typed_config's "@type" (an unknown type is an
error). Fields marked deprecated in the protos are reported too (Envoy refuses many of them by default).
Not covered: protoc-gen-validate constraints and Envoy's semantic checks (`envoy --mode validate` does those).

usage: validate-envoy.py CONFIG.yaml PROTO_DEPS_DIR PROTOC WELL_KNOWN_INCLUDE WORK_DIR
PROTO_DEPS_DIR holds envoy-api/, xds/, googleapis/ and protoc-gen-validate/ (from @grpc/grpc-js-xds).
Prints one line per problem; exits 1 when there is any."""
import json
import os
import subprocess
import sys

import yaml
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

config_path, deps, protoc, well_known, work = sys.argv[1:6]
config = yaml.safe_load(open(config_path))
roots = [os.path.join(deps, d) for d in ("envoy-api", "xds", "googleapis", "protoc-gen-validate")]


def type_urls(node):
    if isinstance(node, dict):
        if "@type" in node:
            yield node["@type"]
        for value in node.values():
            yield from type_urls(value)
    elif isinstance(node, list):
        for value in node:
            yield from type_urls(value)


def proto_files_of_package(package):
    """Every .proto of a package (its directory under one of the roots)."""
    for root in roots:
        directory = os.path.join(root, *package.split("."))
        if os.path.isdir(directory):
            return [os.path.relpath(os.path.join(directory, f), root) for f in sorted(os.listdir(directory)) if f.endswith(".proto")]
    return []


problems = []
files = ["envoy/config/bootstrap/v3/bootstrap.proto"]
for url in sorted(set(type_urls(config))):
    package = url.split("/")[-1].rsplit(".", 1)[0]
    found = proto_files_of_package(package)
    if not found:
        problems.append(f"{url}: no such package in Envoy's API protos")
    files += found

os.makedirs(work, exist_ok=True)
# The protoc-gen-validate copy shipped beside the Envoy protos predates one option they use,
# StringRules.ignore_empty (number 26 upstream). A private copy with it declared lets protoc read the
# annotations; their validation rules are not evaluated here either way.
patched = os.path.join(work, "pgv", "validate")
os.makedirs(patched, exist_ok=True)
validate_proto = open(os.path.join(deps, "protoc-gen-validate", "validate", "validate.proto")).read()
if "ignore_empty = 26;" not in validate_proto.split("message StringRules {", 1)[1].split("\n}", 1)[0]:
    validate_proto = validate_proto.replace("message StringRules {", "message StringRules {\n    optional bool ignore_empty = 26;", 1)
open(os.path.join(patched, "validate.proto"), "w").write(validate_proto)
roots.insert(0, os.path.join(work, "pgv"))
descriptor_path = os.path.join(work, "envoy-api.pb")
compiled = subprocess.run([protoc, *[f"-I{r}" for r in roots], f"-I{well_known}", "--include_imports",
                           f"--descriptor_set_out={descriptor_path}", *sorted(set(files))], capture_output=True, text=True)
if compiled.returncode != 0:
    print(f"protoc could not compile Envoy's API protos: {compiled.stderr}")
    sys.exit(1)

pool = descriptor_pool.DescriptorPool()
factory = message_factory.MessageFactory(pool)


def new_message(full_name):
    descriptor = pool.FindMessageTypeByName(full_name)
    # GetMessageClass on protobuf >= 4.22, the factory on Debian's 4.21.
    return (message_factory.GetMessageClass(descriptor) if hasattr(message_factory, "GetMessageClass")
            else factory.GetPrototype(descriptor))()

descriptor_set = descriptor_pb2.FileDescriptorSet.FromString(open(descriptor_path, "rb").read())
for file in descriptor_set.file:
    pool.Add(file)
bootstrap = new_message("envoy.config.bootstrap.v3.Bootstrap")

try:
    json_format.Parse(json.dumps(config), bootstrap, descriptor_pool=pool)
except json_format.ParseError as error:
    problems.append(str(error))


def deprecated_fields(message, path):
    for field, value in message.ListFields():
        here = f"{path}.{field.name}" if path else field.name
        if field.GetOptions().deprecated:
            problems.append(f"{here}: deprecated in Envoy's API")
        if field.type != field.TYPE_MESSAGE:
            continue
        values = value if field.label == field.LABEL_REPEATED else [value]
        if field.message_type.GetOptions().map_entry:
            values = [v for v in value.values()] if field.message_type.fields_by_name["value"].type == field.TYPE_MESSAGE else []
        for i, item in enumerate(values):
            at = f"{here}[{i}]" if len(values) > 1 or field.label == field.LABEL_REPEATED else here
            if item.DESCRIPTOR.full_name == "google.protobuf.Any":
                inner = new_message(item.TypeName())
                item.Unpack(inner)
                deprecated_fields(inner, at)
            else:
                deprecated_fields(item, at)


if not problems:
    deprecated_fields(bootstrap, "")
for problem in problems:
    print(problem)
print(f"{len(set(type_urls(config)))} typed configs checked against Envoy's API, {len(problems)} problems")
sys.exit(1 if problems else 0)
