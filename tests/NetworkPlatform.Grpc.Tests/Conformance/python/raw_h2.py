"""Raw HTTP/2 (python3-h2) against our server: the malformed and edge-case requests a gRPC library would never send."""
import gzip as gzip_module
import socket
import struct
import time

import h2.config
import h2.connection
import h2.events

from peer import TARGET, PORT, expect, run

import echo_pb2

ECHO = "/networkplatform.testing.v1.EchoService/Echo"
ECHO_STREAM = "/networkplatform.testing.v1.EchoService/EchoStream"


class Connection:
    def __init__(self):
        self.sock = socket.create_connection(("127.0.0.1", PORT), timeout=10)
        self.h2 = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
        self.h2.initiate_connection()
        self.flush()
        self.streams = {}

    def flush(self):
        self.sock.sendall(self.h2.data_to_send())

    def start(self, path=ECHO, content_type="application/grpc", extra=()):
        stream_id = self.h2.get_next_available_stream_id()
        headers = [(":method", "POST"), (":scheme", "http"), (":path", path), (":authority", TARGET),
                   ("content-type", content_type), ("te", "trailers"), *extra]
        self.h2.send_headers(stream_id, headers)
        self.streams[stream_id] = {"headers": None, "data": b"", "trailers": None, "ended": False, "reset": None, "frames": 0}
        self.flush()
        return stream_id

    def send(self, stream_id, data, end=False, frame_size=None):
        chunks = [data[i:i + frame_size] for i in range(0, len(data), frame_size)] if frame_size else [data]
        for i, chunk in enumerate(chunks):
            self.h2.send_data(stream_id, chunk, end_stream=end and i == len(chunks) - 1)
            self.flush()
        if end and not chunks:
            self.h2.end_stream(stream_id)
            self.flush()

    def wait(self, stream_ids, timeout=10):
        deadline = time.monotonic() + timeout
        while not all(self.streams[s]["ended"] or self.streams[s]["reset"] is not None for s in stream_ids):
            expect(time.monotonic() < deadline, f"no answer within {timeout}s: {self.streams}")
            self.sock.settimeout(max(0.1, deadline - time.monotonic()))
            data = self.sock.recv(65536)
            expect(data, "the server closed the connection")
            for event in self.h2.receive_data(data):
                state = self.streams.get(getattr(event, "stream_id", None))
                if isinstance(event, h2.events.ResponseReceived):
                    state["headers"] = dict(event.headers)
                elif isinstance(event, h2.events.DataReceived):
                    state["data"] += event.data
                    self.h2.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, h2.events.TrailersReceived):
                    state["trailers"] = dict(event.headers)
                elif isinstance(event, h2.events.StreamEnded):
                    state["ended"] = True
                elif isinstance(event, h2.events.StreamReset):
                    state["reset"] = event.error_code
            self.flush()
        return [self.streams[s] for s in stream_ids]


def frame(payload, compressed=False):
    return struct.pack(">BI", 1 if compressed else 0, len(payload)) + payload


def status_of(state):
    """grpc-status from the trailers, or from the headers of a Trailers-Only response."""
    source = state["trailers"] if state["trailers"] is not None else (state["headers"] or {})
    return source.get("grpc-status")


def call(body, extra=(), frame_size=None, path=ECHO, end=True):
    conn = Connection()
    stream_id = conn.start(path=path, extra=extra)
    conn.send(stream_id, body, end=end, frame_size=frame_size)
    return conn.wait([stream_id])[0]


def request(**fields):
    return echo_pb2.EchoRequest(**fields).SerializeToString()


def wrong_content_type():
    conn = Connection()
    stream_id = conn.start(content_type="application/json")
    conn.send(stream_id, b'{"message": "hi"}', end=True)
    state = conn.wait([stream_id])[0]
    expect(state["headers"][":status"] == "415", state)


def split_frames():
    message = request(message="split into one-byte frames", payload=bytes(range(200)))
    state = call(frame(message), frame_size=1)
    expect(state["headers"][":status"] == "200" and state["headers"]["content-type"].startswith("application/grpc"), state)
    expect(status_of(state) == "0", state)
    flag, length = struct.unpack(">BI", state["data"][:5])
    response = echo_pb2.EchoResponse.FromString(state["data"][5:5 + length])
    expect(flag == 0 and response.message == "split into one-byte frames" and response.payload == bytes(range(200)), response)


def end_stream_in_separate_frame():
    conn = Connection()
    stream_id = conn.start()
    conn.send(stream_id, frame(request(message="late end")))
    time.sleep(0.2)
    conn.send(stream_id, b"", end=True)
    state = conn.wait([stream_id])[0]
    expect(status_of(state) == "0", state)


def truncated_body():
    state = call(frame(request(message="cut"))[:-2])
    expect(status_of(state) == "13", state)


def truncated_prefix():
    state = call(b"\x00\x00\x00")
    expect(status_of(state) == "13", state)


def empty_body():
    state = call(b"")
    expect(status_of(state) == "13", state)


def oversized_length_prefix():
    # Announces 5 MiB, sends a few bytes and keeps the stream open: the server must refuse at once, not wait for the body.
    state = call(struct.pack(">BI", 0, 5 * 1024 * 1024) + b"abc", end=False)
    expect(status_of(state) == "8", state)


def invalid_compressed_flag_value():
    state = call(b"\x07" + frame(request(message="x"))[1:])
    expect(status_of(state) == "13", state)


def compressed_flag_without_encoding():
    state = call(frame(gzip_module.compress(request(message="x")), compressed=True))
    expect(status_of(state) == "13", state)


def unknown_encoding():
    state = call(frame(request(message="x"), compressed=True), extra=[("grpc-encoding", "br")])
    expect(status_of(state) == "12", state)
    expect("gzip" in state["headers"].get("grpc-accept-encoding", ""), state)


def gzip_both_ways():
    payload = b"gzip " * 1000
    body = frame(gzip_module.compress(request(message="gz", payload=payload)), compressed=True)
    state = call(body, extra=[("grpc-encoding", "gzip"), ("grpc-accept-encoding", "identity,gzip")])
    expect(status_of(state) == "0" and state["headers"].get("grpc-encoding") == "gzip", state)
    flag, length = struct.unpack(">BI", state["data"][:5])
    expect(flag == 1, "the response message should be compressed")
    response = echo_pb2.EchoResponse.FromString(gzip_module.decompress(state["data"][5:5 + length]))
    expect(response.payload == payload, "gzip payload changed")


def gzip_response_for_a_plain_request():
    # Only against a server with CompressResponses on: the client accepts gzip, so the answer comes compressed.
    state = call(frame(request(message="plain in", payload=b"z" * 1000)), extra=[("grpc-accept-encoding", "identity,gzip")])
    expect(status_of(state) == "0" and state["headers"].get("grpc-encoding") == "gzip", state)
    flag, length = struct.unpack(">BI", state["data"][:5])
    expect(flag == 1 and echo_pb2.EchoResponse.FromString(gzip_module.decompress(state["data"][5:5 + length])).message == "plain in", state)
    plain = call(frame(request(message="no gzip accepted")))
    expect(status_of(plain) == "0" and "grpc-encoding" not in plain["headers"] and plain["data"][0] == 0, plain)


def garbage_protobuf():
    state = call(frame(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"))
    expect(status_of(state) == "13", state)


def two_messages_on_unary():
    state = call(frame(request(message="a")) + frame(request(message="b")))
    expect(status_of(state) == "13", state)


def trailers_only_for_unknown_method():
    state = call(frame(b""), path="/networkplatform.testing.v1.EchoService/Missing")
    expect(state["trailers"] is None and state["data"] == b"", "Trailers-Only: one HEADERS frame, no body")
    expect(state["headers"][":status"] == "200" and state["headers"]["grpc-status"] == "12", state)


def status_message_is_percent_encoded():
    state = call(frame(request(fail_with_code=3)))
    expect(status_of(state) == "3", state)
    message = state["headers"]["grpc-message"]
    expect(message == "Echo failed with InvalidArgument as asked: %C3%BCn%C3%AFcode %25 and%0Anewline", message)
    details = state["headers"]["grpc-status-details-bin"]
    expect("=" not in details, "binary headers are sent unpadded")


def binary_metadata_padded_and_unpadded():
    state = call(frame(request(echo_metadata=True)), extra=[("a-bin", "AAEC"), ("b-bin", "AAE="), ("c-bin", "AAE")])
    expect(status_of(state) == "0", state)
    response = echo_pb2.EchoResponse.FromString(state["data"][5:])
    expect(response.metadata["a-bin"] == "000102" and response.metadata["b-bin"] == "0001" and response.metadata["c-bin"] == "0001", response)


def server_deadline():
    started = time.monotonic()
    state = call(frame(request(message="slow", delay_ms=5000)), extra=[("grpc-timeout", "200m")])
    expect(status_of(state) == "4", state)
    expect(time.monotonic() - started < 3, "the server should end the call at its deadline")


def messages_in(data):
    messages = []
    while data:
        length = struct.unpack(">I", data[1:5])[0]
        messages.append(echo_pb2.EchoResponse.FromString(data[5:5 + length]))
        data = data[5 + length:]
    return messages


def server_deadline_with_a_handler_ignoring_it():
    # No client-side deadline here: only the server's grpc-timeout can end the call while the handler sleeps on for 3 s.
    conn = Connection()
    started = time.monotonic()
    stubborn = conn.start(extra=[("grpc-timeout", "300m")])
    conn.send(stubborn, frame(request(message="stubborn raw h2", delay_ms=3000, ignore_cancellation=True)), end=True)
    state = conn.wait([stubborn])[0]
    elapsed = time.monotonic() - started
    expect(status_of(state) == "4" and state["data"] == b"", state)
    expect(elapsed < 2, f"DEADLINE_EXCEEDED must be sent at the deadline, not when the handler returns ({elapsed:.1f}s)")
    # The connection stays usable while (and after) the handler runs on, and its late answer is never sent.
    time.sleep(3)
    after = conn.start()
    conn.send(after, frame(request(message="after")), end=True)
    state_after = conn.wait([after])[0]
    expect(status_of(state_after) == "0", state_after)
    expect(conn.streams[stubborn] == state and state["data"] == b"", conn.streams[stubborn])


def server_stream_deadline_with_a_handler_ignoring_it():
    conn = Connection()
    started = time.monotonic()
    stubborn = conn.start(path=ECHO_STREAM, extra=[("grpc-timeout", "500m")])
    # Two messages at once, then the handler sleeps 3 s ignoring the deadline, then writes a third.
    conn.send(stubborn, frame(request(message="s", repeat=2, delay_ms=3000, ignore_cancellation=True)), end=True)
    state = conn.wait([stubborn])[0]
    elapsed = time.monotonic() - started
    expect(state["trailers"] is not None and state["trailers"].get("grpc-status") == "4", state)
    expect(elapsed < 2, f"DEADLINE_EXCEEDED must be sent at the deadline, not when the handler returns ({elapsed:.1f}s)")
    sent = messages_in(state["data"])
    expect([m.index for m in sent] == [0, 1], sent)
    # The handler's third write comes after the deadline: it must fail on the server, not reach the ended stream.
    time.sleep(3)
    after = conn.start()
    conn.send(after, frame(request(message="after")), end=True)
    expect(status_of(conn.wait([after])[0]) == "0", conn.streams[after])
    expect(messages_in(conn.streams[stubborn]["data"]) == sent, conn.streams[stubborn])


def malformed_timeout():
    state = call(frame(request(message="x")), extra=[("grpc-timeout", "12x")])
    expect(status_of(state) == "13", state)


def concurrent_streams():
    conn = Connection()
    ids = []
    for i in range(100):
        stream_id = conn.start()
        conn.send(stream_id, frame(request(message=f"stream {i}", delay_ms=50)), end=True)
        ids.append(stream_id)
    states = conn.wait(ids, timeout=20)
    for i, state in enumerate(states):
        expect(status_of(state) == "0", state)
        expect(echo_pb2.EchoResponse.FromString(state["data"][5:]).message == f"stream {i}", state)


run({name: fn for name, fn in globals().items() if callable(fn) and fn.__module__ == "__main__"
     and name not in ("frame", "status_of", "call", "request", "Connection")})
