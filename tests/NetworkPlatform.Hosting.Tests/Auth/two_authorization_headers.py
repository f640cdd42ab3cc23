"""Raw HTTP/2 (python3-h2): a gRPC call carrying two authorization headers, which no gRPC library would send.
Usage: two_authorization_headers.py PORT TOKEN_A TOKEN_B. Prints the response's grpc-status and grpc-message."""
import socket
import struct
import sys
import urllib.parse

import h2.config
import h2.connection
import h2.events

port, first, second = int(sys.argv[1]), sys.argv[2], sys.argv[3]
sock = socket.create_connection(("127.0.0.1", port), timeout=10)
connection = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
connection.initiate_connection()
stream = connection.get_next_available_stream_id()
connection.send_headers(stream, [
    (":method", "POST"), (":scheme", "http"), (":path", "/networkplatform.testing.v1.EchoService/Echo"), (":authority", f"127.0.0.1:{port}"),
    ("content-type", "application/grpc"), ("te", "trailers"),
    ("authorization", "Bearer " + first), ("authorization", "Bearer " + second),
])
connection.send_data(stream, struct.pack(">BI", 0, 0), end_stream=True)
sock.sendall(connection.data_to_send())

fields = {}
ended = False
while not ended:
    data = sock.recv(65536)
    if not data:
        sys.exit("the server closed the connection without an answer")
    for event in connection.receive_data(data):
        if isinstance(event, (h2.events.ResponseReceived, h2.events.TrailersReceived)):
            fields.update(dict(event.headers))
        elif isinstance(event, h2.events.StreamEnded):
            ended = True
        elif isinstance(event, h2.events.StreamReset):
            sys.exit(f"the stream was reset with {event.error_code}")
    sock.sendall(connection.data_to_send())
print(fields.get(":status"), fields.get("grpc-status"), urllib.parse.unquote(fields.get("grpc-message", "")))
