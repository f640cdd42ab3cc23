# syntax=docker/dockerfile:1.7
# The reporting service image (networkplatform/reporting). Build from the repository root:
#   docker build -f deploy/docker/reporting.Dockerfile -t networkplatform/reporting .
# The four service Dockerfiles differ only in the service's project and ports; a test keeps them in step.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The whole repository (trimmed by .dockerignore): publishing runs Grpc.Tools' protoc over protos/ to generate the stubs.
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish services/Reporting/NetworkPlatform.Reporting.csproj -c Release -o /app --nologo

# Chiseled: no shell, no package manager, a non-root user. "extra" keeps ICU and tzdata, which the
# services need (globalization is on; meetings are scheduled in IANA zones such as Europe/Oslo).
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app .
# No keys or passwords in the image: Kubernetes mounts the service's client secret (Secret <service>-client) and points
# Auth__ClientSecretFile at it; with `docker run`, mount a secret file and set the variable the same way.
# The root filesystem is read-only in Kubernetes; the runtime writes only under /tmp (an emptyDir).
ENV TMPDIR=/tmp \
    GRPC_PORT=8080 \
    HTTP_PORT=8081
EXPOSE 8080 8081
USER $APP_UID
ENTRYPOINT ["dotnet", "NetworkPlatform.Reporting.dll"]
