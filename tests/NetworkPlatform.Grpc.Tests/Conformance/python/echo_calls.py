"""Drives our server's EchoService from python grpcio (an independent gRPC implementation)."""
import queue
import time

import grpc

from peer import EXTRA, TARGET, expect, run

import echo_pb2
import echo_pb2_grpc
import rpc_error_details_pb2
import rpc_status_pb2

channel = grpc.insecure_channel(TARGET)
stub = echo_pb2_grpc.EchoServiceStub(channel)
Req = echo_pb2.EchoRequest


def unary():
    response = stub.Echo(Req(message="hello", payload=b"\x00\x01\xff"), timeout=10)
    expect(response.message == "hello" and response.payload == b"\x00\x01\xff", response)


def unary_large():
    payload = bytes(range(256)) * 12000  # about 3 MB, many DATA frames each way
    response = stub.Echo(Req(message="big", payload=payload), timeout=20)
    expect(response.payload == payload, "large payload came back changed")


def server_streaming():
    responses = list(stub.EchoStream(Req(message="s", repeat=5), timeout=10))
    expect([r.index for r in responses] == [0, 1, 2, 3, 4], responses)
    expect(all(r.message == "s" for r in responses), responses)


def client_streaming():
    requests = (Req(message=str(i), payload=b"x" * 1000) for i in range(10))
    response = stub.Collect(requests, timeout=10)
    expect(response.message == "0,1,2,3,4,5,6,7,8,9" and response.index == 10, response)
    expect(len(response.payload) == 10000, len(response.payload))


def bidi():
    outbox = queue.Queue()

    def requests():
        while (item := outbox.get()) is not None:
            yield item

    responses = stub.Chat(requests(), timeout=10)
    for i in range(5):
        # One request, then its answer, before the next: proves the server answers while the request stream is open.
        outbox.put(Req(message=f"m{i}"))
        answer = next(responses)
        expect(answer.message == f"m{i}" and answer.index == i, answer)
    outbox.put(None)
    expect(list(responses) == [], "no responses after the request stream ended")


def deadline():
    started = time.monotonic()
    try:
        stub.Echo(Req(message="slow", delay_ms=5000), timeout=0.3)
        raise AssertionError("the call should have exceeded its deadline")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.DEADLINE_EXCEEDED, error)
    expect(time.monotonic() - started < 3, "the deadline was not honoured promptly")


def deadline_ignored_by_the_handler():
    started = time.monotonic()
    try:
        stub.Echo(Req(message="stubborn grpcio", delay_ms=3000, ignore_cancellation=True), timeout=0.3)
        raise AssertionError("the call should have exceeded its deadline")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.DEADLINE_EXCEEDED, error)
    expect(time.monotonic() - started < 2, "the deadline was not honoured promptly")
    started = time.monotonic()
    received = []
    try:
        for response in stub.EchoStream(Req(message="s", repeat=2, delay_ms=3000, ignore_cancellation=True), timeout=1):
            received.append(response.index)
        raise AssertionError("the stream should have exceeded its deadline")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.DEADLINE_EXCEEDED, error)
        expect(received == [0, 1], received)
    expect(time.monotonic() - started < 2.5, "the stream's deadline was not honoured promptly")
    expect(stub.Echo(Req(message="after"), timeout=10).message == "after", "the channel must stay usable")


def metadata():
    response, call = stub.Echo.with_call(
        Req(message="m", echo_metadata=True),
        metadata=[("x-text", "hello world"), ("x-data-bin", b"\x00\xff\x10"), ("x-user", "alice")],
        timeout=10)
    got = dict(response.metadata)
    expect(got.get("x-text") == "hello world", got)
    expect(got.get("x-data-bin") == "00ff10", got)
    expect(got.get("authenticated-user") == "alice", got)
    expect(got.get("deadline-set") == "yes", got)
    expect(call.code() == grpc.StatusCode.OK, call.code())


def status_details():
    try:
        stub.Echo(Req(fail_with_code=9), timeout=10)
        raise AssertionError("the call should have failed")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.FAILED_PRECONDITION, error)
        expect(error.details() == "Echo failed with FailedPrecondition as asked: ünïcode % and\nnewline", repr(error.details()))
        trailers = dict(error.trailing_metadata())
        expect(trailers.get("echo-trailer") == "kept", trailers)
        expect(trailers.get("echo-trailer-bin") == b"\x00\x01\x02\xff", trailers)
        status = rpc_status_pb2.Status.FromString(trailers["grpc-status-details-bin"])
        expect(status.code == 9 and status.message == error.details(), status)
        info = rpc_error_details_pb2.ErrorInfo()
        bad_request = rpc_error_details_pb2.BadRequest()
        expect(status.details[0].Unpack(info) and info.reason == "ECHO_FAILED" and info.metadata["asked_code"] == "9", status)
        expect(status.details[1].Unpack(bad_request) and bad_request.field_violations[0].field == "fail_with_code", status)


def status_after_stream():
    call = stub.EchoStream(Req(message="s", repeat=3, fail_with_code=5), timeout=10)
    received = []
    try:
        for response in call:
            received.append(response.index)
        raise AssertionError("the stream should have ended with NOT_FOUND")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.NOT_FOUND, error)
    expect(received == [0, 1, 2], received)


def internal_error():
    try:
        stub.Echo(Req(message="throw"), timeout=10)
        raise AssertionError("the call should have failed")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.INTERNAL, error)
        expect(error.details() == "Exception was thrown by handler.", error.details())
        expect("secret" not in str(error.trailing_metadata()), error.trailing_metadata())


def denied_by_interceptor():
    try:
        stub.Echo(Req(message="x"), metadata=[("x-deny", "no entry")], timeout=10)
        raise AssertionError("the interceptor should have refused the call")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.PERMISSION_DENIED, error)
        expect("no entry" in error.details(), error.details())


def gzip():
    payload = b"compress me " * 20000
    response = stub.Echo(Req(message="gz", payload=payload), compression=grpc.Compression.Gzip, timeout=10)
    expect(response.payload == payload, "gzip unary payload changed")
    gz_channel = grpc.insecure_channel(TARGET, compression=grpc.Compression.Gzip)
    gz_stub = echo_pb2_grpc.EchoServiceStub(gz_channel)
    responses = list(gz_stub.EchoStream(Req(message="gz", repeat=3, payload=payload), timeout=10))
    expect(len(responses) == 3 and all(r.payload == payload for r in responses), "gzip stream payload changed")
    collected = gz_stub.Collect(iter([Req(message="a", payload=payload), Req(message="b")]), timeout=10)
    expect(collected.message == "a,b" and collected.payload == payload, collected.message)


def too_large():
    try:
        stub.Echo(Req(message="huge", payload=b"x" * (5 * 1024 * 1024)), timeout=10)
        raise AssertionError("a 5 MiB request should exceed the 4 MiB default limit")
    except grpc.RpcError as error:
        expect(error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, error)


def unimplemented():
    for path in ["/networkplatform.testing.v1.EchoService/Nope", "/no.such.Service/Method"]:
        try:
            channel.unary_unary(path)(b"", timeout=10)
            raise AssertionError(f"{path} should be UNIMPLEMENTED")
        except grpc.RpcError as error:
            expect(error.code() == grpc.StatusCode.UNIMPLEMENTED, error)


def cancel_stream():
    call = stub.EchoStream(Req(message="c", repeat=1000, delay_ms=20), timeout=10)
    first = next(call)
    expect(first.index == 0, first)
    call.cancel()
    time.sleep(0.5)


run({name: fn for name, fn in globals().items() if callable(fn) and fn.__module__ == "__main__" and name not in ("run", "expect")})
