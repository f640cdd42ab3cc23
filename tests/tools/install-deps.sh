#!/usr/bin/env bash
# Installs the Debian packages the tests need (real servers and independent gRPC peers), only those missing.
# Runs apt-get as root, or through sudo.
set -euo pipefail

packages=(
  python3-grpcio python3-grpc-tools python3-h2 grpc-proto   # independent gRPC peers: python
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev pkg-config g++   # ... and C++ (also the bench's baseline)
  python3-yaml                                              # the Envoy config check of the deploy tests
  nghttp2-client                                            # raw HTTP/2 and h2load
  postgresql rabbitmq-server                                # real servers for integration tests
  chromium                                                  # the dashboard's browser test (Playwright drives it)
  python3-icalendar                                         # independent reader of the meetings .ics output
  python3-aiosmtpd                                          # SMTP server receiving the meetings mail adapter's messages
  python3-pika python3-jsonschema                           # the dashboard consumer written from the AsyncAPI document
  prometheus                                                # promtool (alert rule tests, config checks) and make up's Prometheus
)
# node and npm bundle the dashboard page (the reporting build runs npm ci and esbuild) and run the Kubernetes schema check of
# tests/NetworkPlatform.Deploy.Tests (any distribution's will do).
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "Installing missing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
# policy-rc.d keeps apt from starting the system-wide RabbitMQ/PostgreSQL; tests start private instances.
"${as_root[@]}" sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
