# syntax=docker/dockerfile:1.7
# The Envoy gateway image (networkplatform/gateway): stock Envoy plus the descriptor set of every public
# proto, which grpc_json_transcoder reads. Baking it into the image keeps it in step with the protos the
# services were built from, and keeps it out of a ConfigMap (1 MiB limit, and kustomize cannot read
# artifacts/). The Envoy configuration itself comes from the gateway ConfigMap (deploy/k8s/base/gateway).
# Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t networkplatform/gateway .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS descriptors
WORKDIR /src
COPY . .
# Restoring the protos project brings Grpc.Tools (protoc and the well-known types); the script is the
# one behind `make proto`.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore protos/NetworkPlatform.Protos.csproj --nologo \
    && tests/tools/write-descriptor-set.sh /out/networkplatform.pb

FROM envoyproxy/envoy:distroless-v1.34.1 AS runtime
COPY --from=descriptors /out/networkplatform.pb /etc/envoy/descriptors/networkplatform.pb
# The distroless image runs as the non-root user 65532; the listener port is above 1024.
USER 65532
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/envoy"]
CMD ["-c", "/etc/envoy/config/envoy.yaml"]
