"""Raw HTTP/2 frames (python3-h2) and a raw HTTP/1.1 request against the membership service: what a gRPC library would
never send still gets a status (or a clear refusal), and the server stays healthy."""
import socket
import struct
import time
import urllib.parse

import h2.config
import h2.connection
import h2.events

from peer import NETWORK, PORT, TARGET, TOKEN, expect, run

GET_NETWORK = "/networkplatform.membership.v1.NetworkService/GetNetwork"
HEALTH_CHECK = "/grpc.health.v1.Health/Check"


class Connection:
    def __init__(self):
        self.sock = socket.create_connection(("127.0.0.1", PORT), timeout=10)
        self.h2 = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
        self.h2.initiate_connection()
        self.flush()
        self.streams = {}

    def flush(self):
        self.sock.sendall(self.h2.data_to_send())

    def start(self, path, extra=()):
        stream_id = self.h2.get_next_available_stream_id()
        self.h2.send_headers(stream_id, [(":method", "POST"), (":scheme", "http"), (":path", path), (":authority", TARGET),
                                         ("content-type", "application/grpc"), ("te", "trailers"),
                                         ("authorization", "Bearer " + TOKEN), *extra])
        self.streams[stream_id] = {"headers": {}, "data": b"", "trailers": {}, "ended": False, "reset": None}
        self.flush()
        return stream_id

    def send(self, stream_id, data, end):
        self.h2.send_data(stream_id, data, end_stream=end)
        self.flush()

    def wait(self, stream_id, timeout=10):
        deadline = time.monotonic() + timeout
        state = self.streams[stream_id]
        while not state["ended"] and state["reset"] is None:
            expect(time.monotonic() < deadline, f"no answer within {timeout} s: {state}")
            self.sock.settimeout(max(0.1, deadline - time.monotonic()))
            data = self.sock.recv(65536)
            expect(data, "the server closed the connection")
            for event in self.h2.receive_data(data):
                current = self.streams.get(getattr(event, "stream_id", None))
                if isinstance(event, h2.events.ResponseReceived):
                    current["headers"] = dict(event.headers)
                elif isinstance(event, h2.events.DataReceived):
                    current["data"] += event.data
                    self.h2.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, h2.events.TrailersReceived):
                    current["trailers"] = dict(event.headers)
                elif isinstance(event, h2.events.StreamEnded):
                    current["ended"] = True
                elif isinstance(event, h2.events.StreamReset):
                    current["reset"] = event.error_code
            self.flush()
        return state


def frame(payload):
    return struct.pack(">BI", 0, len(payload)) + payload


def status_of(state):
    """grpc-status and grpc-message from the trailers, or from the headers of a trailers-only response."""
    source = state["trailers"] or state["headers"]
    return source.get("grpc-status"), urllib.parse.unquote(source.get("grpc-message", ""))


def get_network_request():
    name = NETWORK.encode()
    return b"\x0a" + bytes([len(name)]) + name


def healthy(conn):
    stream_id = conn.start(HEALTH_CHECK)
    conn.send(stream_id, frame(b""), end=True)
    expect(status_of(conn.wait(stream_id))[0] == "0", "a health check on the same connection afterwards")


def server_deadline():
    """The request is held open past its grpc-timeout: the server itself ends the call."""
    conn = Connection()
    started = time.monotonic()
    stream_id = conn.start(GET_NETWORK, extra=[("grpc-timeout", "300m")])
    conn.send(stream_id, frame(get_network_request())[:4], end=False)
    state = conn.wait(stream_id)
    expect(status_of(state)[0] == "4", state)
    expect(0.25 < time.monotonic() - started < 3, f"ended after {time.monotonic() - started:.2f} s")
    healthy(conn)


def garbage():
    conn = Connection()
    stream_id = conn.start(GET_NETWORK)
    conn.send(stream_id, frame(bytes([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x12, 0x99])), end=True)
    code, message = status_of(conn.wait(stream_id))
    expect(code not in (None, "0"), f"garbage bytes got status {code}")
    print(f"garbage bytes: grpc-status {code} '{message}'")
    healthy(conn)


def oversized_length_prefix():
    conn = Connection()
    stream_id = conn.start(GET_NETWORK)
    conn.send(stream_id, struct.pack(">BI", 0, 100 * 1024 * 1024) + b"\x0a", end=False)
    expect(status_of(conn.wait(stream_id))[0] == "8", "a 100 MiB length prefix is RESOURCE_EXHAUSTED at once")
    healthy(conn)


def http1_on_the_h2c_port():
    sock = socket.create_connection(("127.0.0.1", PORT), timeout=10)
    sock.sendall(b"POST " + GET_NETWORK.encode() + b" HTTP/1.1\r\nHost: " + TARGET.encode() + b"\r\ncontent-type: application/grpc\r\n"
                 b"content-length: 0\r\n\r\n")
    answer = b""
    while chunk := sock.recv(4096):
        answer += chunk
    text = answer.decode("latin-1")
    expect(text.startswith("HTTP/1.1 400") and "HTTP/2 only" in text, text)
    print(text.splitlines()[-1])


run({name: fn for name, fn in globals().items() if callable(fn) and fn.__module__ == "__main__"
     and name not in ("frame", "status_of", "get_network_request", "healthy")})
