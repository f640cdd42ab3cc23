"""An independent EchoService (python grpcio) for the client tests.

Echo answers with the request's message and payload plus facts in `metadata`: server name, peer, attempt number.
Request metadata drives the rest:
  x-attempt-key / x-fail-times / x-fail-code: fail the first N calls with that key (default UNAVAILABLE);
  x-compress-response: answer gzip-compressed;
  x-query-cancelled: answer whether the Chat call with that key saw a cancellation;
  any -bin key: echoed back as echo-<key> in the initial and trailing metadata.
Prints "READY <port>" once it listens on every --bind address.
"""
import argparse
import sys
import threading
import time
from concurrent import futures

import grpc
import echo_pb2
import echo_pb2_grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2

attempts = {}
cancelled = {}
lock = threading.Lock()


def count_attempt(key):
    with lock:
        attempts[key] = attempts.get(key, 0) + 1
        return attempts[key]


def metadata_of(context):
    return {k: v for k, v in context.invocation_metadata()}


def abort_with_details(context, code, message):
    """Sends a google.rpc.Status with BadRequest and ErrorInfo details in grpc-status-details-bin."""
    status = status_pb2.Status(code=code.value[0], message=message)
    bad_request = error_details_pb2.BadRequest(field_violations=[
        error_details_pb2.BadRequest.FieldViolation(field="message", description="must not be empty")])
    info = error_details_pb2.ErrorInfo(reason="ECHO_REFUSED", domain="echo.test", metadata={"asked": "yes"})
    for detail in (bad_request, info):
        packed = any_pb2.Any()
        packed.Pack(detail)
        status.details.append(packed)
    context.set_trailing_metadata((("grpc-status-details-bin", status.SerializeToString()),))
    context.abort(code, message)


def code_of(number):
    return next(c for c in grpc.StatusCode if c.value[0] == number)


class Echo(echo_pb2_grpc.EchoServiceServicer):
    def __init__(self, name):
        self.name = name

    def _prepare(self, request, context):
        """Handles the metadata-driven behaviour shared by the methods; returns the attempt number."""
        md = metadata_of(context)
        if "x-compress-response" in md:
            context.set_compression(grpc.Compression.Gzip)
        binary = [("echo-" + k, v) for k, v in md.items() if k.endswith("-bin")]
        if binary:
            context.send_initial_metadata(binary)
            context.set_trailing_metadata(binary)
        key = md.get("x-attempt-key")
        attempt = count_attempt(key) if key else 1
        return md, attempt

    def _should_fail(self, md, attempt):
        return attempt <= int(md.get("x-fail-times", "0"))

    def Echo(self, request, context):
        md, attempt = self._prepare(request, context)
        if self._should_fail(md, attempt):
            context.abort(code_of(int(md.get("x-fail-code", "14"))), "failing attempt %d on purpose" % attempt)
        if request.delay_ms:
            time.sleep(request.delay_ms / 1000.0)
        if request.fail_with_code:
            abort_with_details(context, code_of(request.fail_with_code), request.message)
        response = echo_pb2.EchoResponse(message=request.message, payload=request.payload)
        response.metadata["server"] = self.name
        response.metadata["peer"] = context.peer()
        response.metadata["attempt"] = str(attempt)
        if "x-query-cancelled" in md:
            with lock:
                response.metadata["cancelled"] = str(cancelled.get(md["x-query-cancelled"], False)).lower()
        if request.echo_metadata:
            for k, v in md.items():
                if not k.endswith("-bin"):
                    response.metadata[k] = v
        return response

    def EchoStream(self, request, context):
        md, attempt = self._prepare(request, context)
        for i in range(request.repeat):
            if i and request.delay_ms:
                time.sleep(request.delay_ms / 1000.0)
            yield echo_pb2.EchoResponse(message=request.message, index=i, payload=request.payload,
                                        metadata={"attempt": str(attempt), "server": self.name})
        if self._should_fail(md, attempt):
            context.abort(code_of(int(md.get("x-fail-code", "14"))), "failing attempt %d on purpose" % attempt)
        if request.fail_with_code:
            abort_with_details(context, code_of(request.fail_with_code), request.message)

    def Collect(self, request_iterator, context):
        self._prepare(None, context)
        messages = [r.message for r in request_iterator]
        return echo_pb2.EchoResponse(message="".join(messages), index=len(messages))

    def Chat(self, request_iterator, context):
        md, _ = self._prepare(None, context)
        key = md.get("x-cancel-key")
        finished_normally = [False]
        terminated = threading.Event()

        def on_terminate():
            # Runs when the RPC ends for any reason; a client's RST_STREAM ends it without the loop finishing.
            terminated.set()
            if key and not finished_normally[0]:
                with lock:
                    cancelled[key] = True

        context.add_callback(on_terminate)
        for index, request in enumerate(request_iterator):
            if request.fail_with_code:
                abort_with_details(context, code_of(request.fail_with_code), request.message)
            yield echo_pb2.EchoResponse(message=request.message, index=index)
        # grpc core can end the request iterator for a reset as for a half-close, reporting the cancellation a moment
        # later. A half-closed call cannot terminate before this handler returns, so ending within the pause is a reset.
        finished_normally[0] = not (key and terminated.wait(0.5)) and context.is_active()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bind", action="append", required=True, help="host:port, repeatable")
    parser.add_argument("--name", default="echo")
    parser.add_argument("--start-delay", type=float, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    time.sleep(args.start_delay)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16),
                         options=[("grpc.max_receive_message_length", 16 * 1024 * 1024),
                                  ("grpc.max_send_message_length", 16 * 1024 * 1024)])
    echo_pb2_grpc.add_EchoServiceServicer_to_server(Echo(args.name), server)
    credentials = None
    if args.cert:
        with open(args.cert, "rb") as c, open(args.key, "rb") as k:
            credentials = grpc.ssl_server_credentials([(k.read(), c.read())])
    ports = []
    for address in args.bind:
        port = server.add_secure_port(address, credentials) if credentials else server.add_insecure_port(address)
        if port == 0:
            print("could not bind " + address, file=sys.stderr)
            sys.exit(1)
        ports.append(port)
    server.start()
    print(f"READY {ports[0]}", flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
