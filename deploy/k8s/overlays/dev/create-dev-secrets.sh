#!/usr/bin/env bash
# Creates the Secrets the dev overlay references, with random passwords, unless they exist already.
# Secrets never live in git; in production they come from the operators (rabbitmq-default-user) and from
# your secret store (<service>-database, the PostgreSQL role passwords CloudNativePG reads; <service>-client and
# dashboard-client, the secrets of the services' and the dashboard's clients at your issuer).
set -euo pipefail
namespace=${NAMESPACE:-networkplatform}
kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"

random() { head -c 24 /dev/urandom | base64 | tr -d '/+=' ; }
ensure() { # name, then key=value pairs
  local name=$1; shift
  if kubectl -n "$namespace" get secret "$name" >/dev/null 2>&1; then return; fi
  local args=()
  for pair in "$@"; do args+=(--from-literal="$pair"); done
  kubectl -n "$namespace" create secret generic "$name" "${args[@]}"
}

ensure postgres-superuser password="$(random)"
ensure rabbitmq-default-user username=networkplatform password="$(random)"
for service in membership groups meetings reporting; do
  ensure "$service-database" username="$service" password="$(random)"
  # The service's client at the embedded issuer (identity.yaml registers it with this secret).
  ensure "$service-client" client-secret="$(random)"
done
ensure dashboard-client client-secret="$(random)"
ensure identity-database username=identity password="$(random)"
