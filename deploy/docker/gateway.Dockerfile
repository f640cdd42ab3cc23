# syntax=docker/dockerfile:1.7
# The Envoy gateway image (networkplatform/gateway): stock Envoy. It routes, authenticates and rate-limits; the
# services serve JSON and gRPC-Web themselves, so the gateway needs no descriptors. The Envoy configuration comes
# from the gateway ConfigMap (deploy/k8s/base/gateway). Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t networkplatform/gateway .

FROM envoyproxy/envoy:distroless-v1.34.1 AS runtime
# The distroless image runs as the non-root user 65532; the listener port is above 1024.
USER 65532
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/envoy"]
CMD ["-c", "/etc/envoy/config/envoy.yaml"]
