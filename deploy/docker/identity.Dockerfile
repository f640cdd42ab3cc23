# syntax=docker/dockerfile:1.7
# The embedded OpenID Connect issuer (networkplatform/identity), which the dev overlay runs. Build from the repository root:
#   docker build -f deploy/docker/identity.Dockerfile -t networkplatform/identity .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish services/Identity/NetworkPlatform.Identity.csproj -c Release -o /app --nologo

# Chiseled: no shell, no package manager, a non-root user; "extra" for ICU, as the services.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app .
# No keys or secrets in the image: the signing keys live in the issuer's database (created at the first start), the
# clients' secrets are mounted from Secrets (Identity__Clients__N__SecretFile). Plain HTTP on 8081, behind the cluster.
ENV TMPDIR=/tmp \
    HTTP_PORT=8081
EXPOSE 8081
USER $APP_UID
ENTRYPOINT ["dotnet", "NetworkPlatform.Identity.dll"]
