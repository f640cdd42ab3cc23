"""grpc.health.v1.Health from python grpcio. Watch cases take a signal file: created once the first status arrived,
so the test knows when to change the status."""
import pathlib

import grpc

from peer import EXTRA, TARGET, expect, run

import health_pb2
import health_pb2_grpc

stub = health_pb2_grpc.HealthStub(grpc.insecure_channel(TARGET))
Status = health_pb2.HealthCheckResponse
ECHO = "networkplatform.testing.v1.EchoService"


def check_server():
    expect(stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=10).status == Status.SERVING, "overall status")


def check_service():
    expect(stub.Check(health_pb2.HealthCheckRequest(service=ECHO), timeout=10).status == Status.NOT_SERVING, "the test set NOT_SERVING")


def check_unknown():
    try:
        stub.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=10)
        raise AssertionError("unknown service should be NOT_FOUND")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.NOT_FOUND, error)


def watch_changes():
    signal = pathlib.Path(EXTRA[0])
    stream = stub.Watch(health_pb2.HealthCheckRequest(service=ECHO), timeout=15)
    expect(next(stream).status == Status.SERVING, "first status")
    signal.touch()
    expect(next(stream).status == Status.NOT_SERVING, "status after the change")
    stream.cancel()


def watch_unknown():
    stream = stub.Watch(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=10)
    expect(next(stream).status == Status.SERVICE_UNKNOWN, "unknown service status")
    stream.cancel()


def watch_drain():
    signal = pathlib.Path(EXTRA[0])
    stream = stub.Watch(health_pb2.HealthCheckRequest(service=""), timeout=15)
    expect(next(stream).status == Status.SERVING, "first status")
    signal.touch()
    expect(next(stream).status == Status.NOT_SERVING, "status while draining")
    try:
        next(stream)
        raise AssertionError("the watch should end when the server stops")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.UNAVAILABLE, error)


run({name: fn for name, fn in globals().items() if callable(fn) and fn.__module__ == "__main__"})
