"""Our server over TLS (ALPN h2) from python grpcio, trusting the test's self-signed certificate (EXTRA[0], PEM)."""
import grpc

from peer import EXTRA, TARGET, expect, run

import echo_pb2
import echo_pb2_grpc
import health_pb2
import health_pb2_grpc


def unary_over_tls():
    with open(EXTRA[0], "rb") as certificate:
        credentials = grpc.ssl_channel_credentials(root_certificates=certificate.read())
    channel = grpc.secure_channel(TARGET, credentials)
    response = echo_pb2_grpc.EchoServiceStub(channel).Echo(echo_pb2.EchoRequest(message="secure"), timeout=10)
    expect(response.message == "secure", response)
    health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
    expect(health.status == health_pb2.HealthCheckResponse.SERVING, health)


run({"unary_over_tls": unary_over_tls})
