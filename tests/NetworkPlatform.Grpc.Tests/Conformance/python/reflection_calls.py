"""Server reflection (v1 and v1alpha) from python grpcio, the way grpcurl and Postman use it. The version is EXTRA[0]."""
import grpc
from google.protobuf import descriptor_pb2, descriptor_pool

from peer import EXTRA, TARGET, expect, run

import reflection_v1_pb2
import reflection_v1_pb2_grpc
import reflection_v1alpha_pb2
import reflection_v1alpha_pb2_grpc

version = EXTRA[0]
pb2, pb2_grpc = {"v1": (reflection_v1_pb2, reflection_v1_pb2_grpc), "v1alpha": (reflection_v1alpha_pb2, reflection_v1alpha_pb2_grpc)}[version]
stub = pb2_grpc.ServerReflectionStub(grpc.insecure_channel(TARGET))


def ask(**question):
    """One request per stream would hide bugs in stream handling: ask everything on one stream, like grpcurl."""
    answers = list(stub.ServerReflectionInfo(iter([pb2.ServerReflectionRequest(host="localhost", **question)]), timeout=10))
    expect(len(answers) == 1, answers)
    return answers[0]


def files_of(answer):
    expect(answer.WhichOneof("message_response") == "file_descriptor_response", answer)
    return [descriptor_pb2.FileDescriptorProto.FromString(raw) for raw in answer.file_descriptor_response.file_descriptor_proto]


def build_pool(files):
    """Adds the files in dependency order: fails when reflection left a dependency out."""
    pool = descriptor_pool.DescriptorPool()
    pending = {f.name: f for f in files}
    added = set()
    while pending:
        ready = [f for f in pending.values() if all(d in added for d in f.dependency)]
        expect(ready, f"missing dependencies for {list(pending)}; have {sorted(added)}")
        for f in ready:
            pool.Add(f)
            added.add(f.name)
            del pending[f.name]
    return pool


def list_services():
    answer = ask(list_services="")
    names = {s.name for s in answer.list_services_response.service}
    for expected in ["networkplatform.testing.v1.EchoService", "networkplatform.testing.v1.ReflectionProbe", "grpc.health.v1.Health",
                     "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"]:
        expect(expected in names, f"{expected} not in {names}")
    expect(answer.valid_host == "localhost" and answer.original_request.list_services == "", answer)


def symbol_with_dependencies():
    files = files_of(ask(file_containing_symbol="networkplatform.testing.v1.ReflectionProbe"))
    expect(files[0].name == "probe.proto", [f.name for f in files])
    expect({f.name for f in files} == {"probe.proto", "stamped.proto", "echo.proto", "google/protobuf/timestamp.proto"}, [f.name for f in files])
    pool = build_pool(files)
    method = pool.FindServiceByName("networkplatform.testing.v1.ReflectionProbe").methods_by_name["Stamp"]
    expect(method.output_type.fields_by_name["at"].message_type.full_name == "google.protobuf.Timestamp", method.output_type)


def method_and_nested_symbols():
    for symbol in ["networkplatform.testing.v1.EchoService.Echo", "networkplatform.testing.v1.EchoResponse.MetadataEntry",
                   "grpc.health.v1.HealthCheckResponse.ServingStatus"]:
        files = files_of(ask(file_containing_symbol=symbol))
        expect(files, symbol)


def file_by_filename():
    files = files_of(ask(file_by_filename="stamped.proto"))
    expect(files[0].name == "stamped.proto" and len(files) == 3, [f.name for f in files])
    build_pool(files)


def unknown_symbol():
    answer = ask(file_containing_symbol="no.such.Thing")
    expect(answer.WhichOneof("message_response") == "error_response" and answer.error_response.error_code == 5, answer)


def many_questions_on_one_stream():
    questions = [pb2.ServerReflectionRequest(list_services=""), pb2.ServerReflectionRequest(file_by_filename="echo.proto"),
                 pb2.ServerReflectionRequest(file_containing_symbol="grpc.health.v1.Health")]
    answers = list(stub.ServerReflectionInfo(iter(questions), timeout=10))
    expect([a.WhichOneof("message_response") for a in answers] == ["list_services_response", "file_descriptor_response", "file_descriptor_response"], answers)


run({name: fn for name, fn in globals().items() if callable(fn) and fn.__module__ == "__main__" and name not in ("ask", "files_of", "build_pool")})
