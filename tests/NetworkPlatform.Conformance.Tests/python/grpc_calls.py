"""Python grpcio, an independent gRPC implementation, calls the membership service: health, reflection, authenticated
calls with metadata, rich errors, deadlines, cancellation, gzip and the message size limit."""
import time

import grpc
from google.protobuf import descriptor_pool

from peer import NETWORK, NETWORK_SERVICE, TARGET, TOKEN, expect, run

import health_pb2
import health_pb2_grpc
import reflection_v1_pb2
import reflection_v1_pb2_grpc
import reflection_v1alpha_pb2
import reflection_v1alpha_pb2_grpc
from google.protobuf import descriptor_pb2
from google.rpc import status_pb2
from networkplatform.membership.v1 import networks_pb2, networks_pb2_grpc

channel = grpc.insecure_channel(TARGET)
health = health_pb2_grpc.HealthStub(channel)
networks = networks_pb2_grpc.NetworkServiceStub(channel)
Status = health_pb2.HealthCheckResponse
AUTH = [("authorization", "Bearer " + TOKEN)]


def health_check():
    expect(health.Check(health_pb2.HealthCheckRequest(service=""), timeout=10).status == Status.SERVING, "the server as a whole")
    expect(health.Check(health_pb2.HealthCheckRequest(service=NETWORK_SERVICE), timeout=10).status == Status.SERVING, NETWORK_SERVICE)
    try:
        health.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=10)
        raise AssertionError("an unknown service should be NOT_FOUND")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.NOT_FOUND, error)


def health_watch():
    stream = health.Watch(health_pb2.HealthCheckRequest(service=NETWORK_SERVICE), timeout=15)
    expect(next(stream).status == Status.SERVING, "first status")
    stream.cancel()


def reflection(pb2, pb2_grpc):
    stub = pb2_grpc.ServerReflectionStub(channel)
    questions = [pb2.ServerReflectionRequest(list_services=""), pb2.ServerReflectionRequest(file_containing_symbol=NETWORK_SERVICE)]
    listed, described = list(stub.ServerReflectionInfo(iter(questions), timeout=10))
    names = {s.name for s in listed.list_services_response.service}
    for expected in [NETWORK_SERVICE, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"]:
        expect(expected in names, f"{expected} not in {names}")
    files = [descriptor_pb2.FileDescriptorProto.FromString(raw) for raw in described.file_descriptor_response.file_descriptor_proto]
    # Added in dependency order: fails when reflection left a dependency (google/api/annotations.proto...) out.
    pool, pending, added = descriptor_pool.DescriptorPool(), {f.name: f for f in files}, set()
    while pending:
        ready = [f for f in pending.values() if all(d in added for d in f.dependency)]
        expect(ready, f"missing dependencies for {list(pending)}; have {sorted(added)}")
        for f in ready:
            pool.Add(f)
            added.add(f.name)
            del pending[f.name]
    method = pool.FindServiceByName(NETWORK_SERVICE).methods_by_name["GetNetwork"]
    expect(method.input_type.fields_by_name["network_id"].type == 9, method.input_type)


def reflection_v1():
    reflection(reflection_v1_pb2, reflection_v1_pb2_grpc)


def reflection_v1alpha():
    reflection(reflection_v1alpha_pb2, reflection_v1alpha_pb2_grpc)


def authenticated_call():
    network = networks.GetNetwork(networks_pb2.GetNetworkRequest(network_id=NETWORK), metadata=AUTH, timeout=10)
    expect(network.id == NETWORK and network.display_name, network)
    try:
        networks.GetNetwork(networks_pb2.GetNetworkRequest(network_id=NETWORK), timeout=10)
        raise AssertionError("a call without a token should be UNAUTHENTICATED")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.UNAUTHENTICATED and "Bearer" in error.details(), error)


def metadata():
    text_and_binary = AUTH + [("x-partner-ref", "ref-1"), ("x-partner-trace-bin", b"\x00\x01\xff")]
    network = networks.GetNetwork(networks_pb2.GetNetworkRequest(network_id=NETWORK), metadata=text_and_binary, timeout=10)
    expect(network.id == NETWORK, network)
    try:
        networks.GetNetwork(networks_pb2.GetNetworkRequest(network_id="another-network"), metadata=AUTH, timeout=10)
        raise AssertionError("another network's data should be PERMISSION_DENIED")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.PERMISSION_DENIED, error)
        details = dict(error.trailing_metadata()).get("grpc-status-details-bin")
        expect(isinstance(details, bytes), error.trailing_metadata())
        status = status_pb2.Status.FromString(details)
        info = status.details[0]
        # ErrorInfo's field 1 (reason), read from its bytes: b"\x0a" + length + reason.
        expect(status.code == 7 and info.type_url.endswith("/google.rpc.ErrorInfo") and info.value.startswith(b"\x0a\x0fTENANT_MISMATCH"), status)


def deadline():
    started = time.monotonic()
    stream = health.Watch(health_pb2.HealthCheckRequest(service=NETWORK_SERVICE), timeout=1)
    try:
        for _ in stream:
            pass
        raise AssertionError("a watch outliving its deadline should end with DEADLINE_EXCEEDED")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.DEADLINE_EXCEEDED, error)
    expect(0.9 < time.monotonic() - started < 5, f"ended after {time.monotonic() - started:.1f} s")


def cancellation():
    stream = health.Watch(health_pb2.HealthCheckRequest(service=NETWORK_SERVICE), timeout=30)
    expect(next(stream).status == Status.SERVING, "first status")
    stream.cancel()
    expect(stream.code() == grpc.StatusCode.CANCELLED, stream.code())
    expect(health.Check(health_pb2.HealthCheckRequest(service=""), timeout=10).status == Status.SERVING, "the channel stays usable")


def gzip():
    network = networks.GetNetwork(networks_pb2.GetNetworkRequest(network_id=NETWORK), metadata=AUTH, timeout=10,
                                  compression=grpc.Compression.Gzip)
    expect(network.id == NETWORK, network)


def too_large():
    body = networks_pb2.GetNetworkRequest(network_id="x" * (4 * 1024 * 1024 + 1))
    try:
        networks.GetNetwork(body, metadata=AUTH, timeout=20)
        raise AssertionError("a request over 4 MiB should be RESOURCE_EXHAUSTED")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, error)


run({name: fn for name, fn in globals().items() if callable(fn) and fn.__module__ == "__main__" and name != "reflection"})
