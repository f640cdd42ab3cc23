#!/usr/bin/env bash
# make up: the Kubernetes topology without Kubernetes. A private PostgreSQL (a database per service), a
# private RabbitMQ node and each service as its own process on loopback, configured through the same
# environment variables as in the cluster. State, pid files and logs live under .data/up/; `make down` stops it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
mkdir -p "$state/pids" "$state/logs"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for_port() { # port, seconds, what, log
  for _ in $(seq 1 $(($2 * 5))); do
    port_open "$1" && return 0
    sleep 0.2
  done
  echo "$3 did not listen on 127.0.0.1:$1 within $2 s. Last lines of $4:" >&2
  tail -n 30 "$4" >&2 || true
  return 1
}

start_postgres() {
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL 15 is not installed: run tests/tools/install-deps.sh." >&2; exit 1; }
  local dir=$state/postgres
  if [ -f "$dir/data/postmaster.pid" ] && port_open "$postgres_port"; then
    echo "PostgreSQL already running on 127.0.0.1:$postgres_port"; return
  fi
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  if [ ! -d "$dir/data" ]; then
    as_user postgres "$pg_bin/initdb" -D "$dir/data" -A trust -U postgres >"$state/logs/postgres-initdb.log"
  fi
  as_user postgres "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start \
    -o "-p $postgres_port -k $dir -c listen_addresses=127.0.0.1" >/dev/null
  for name in "${services[@]%%:*}" identity; do
    ensure_service_database "$name"
  done
  echo "PostgreSQL on 127.0.0.1:$postgres_port (a database and a login role per service and the issuer:" \
    "membership, groups, meetings, reporting, identity)"
}

psql_admin() { as_user postgres "$pg_bin/psql" -h 127.0.0.1 -p "$postgres_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# A login role per service that owns its own database and nothing else (no superuser, no CREATEDB or CREATEROLE), and
# that no other role may connect to. What an earlier make up created as postgres is handed over to the service.
ensure_service_database() { # name
  psql_admin -d postgres -v role="$1" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'role') \gexec
ALTER DATABASE :"role" OWNER TO :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
  psql_admin -d "$1" -v role="$1" >/dev/null <<'SQL'
SELECT format('ALTER TABLE %I OWNER TO %I', tablename, :'role') FROM pg_tables WHERE schemaname = 'public' AND tableowner <> :'role' \gexec
SQL
}

start_rabbitmq() {
  [ -x "$rabbitmq_bin/rabbitmq-server" ] || { echo "RabbitMQ is not installed: run tests/tools/install-deps.sh." >&2; exit 1; }
  if port_open "$rabbitmq_port"; then echo "RabbitMQ already running on 127.0.0.1:$rabbitmq_port"; return; fi
  local dir=$state/rabbitmq
  mkdir -p "$dir/mnesia" "$dir/log"
  # The management API gives the services their queues' figures (messages ready and unacked, consumers).
  echo "[rabbitmq_management]." >"$dir/enabled_plugins"
  printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$rabbitmq_management_port" >"$dir/rabbitmq.conf"
  # Started as root, rabbitmq-server drops to the rabbitmq user, which must own its directories.
  [ "$(id -u)" -eq 0 ] && chown -R rabbitmq:rabbitmq "$dir"
  # Loopback only: AMQP, the management API, the Erlang distribution port and the port mapper (epmd, started by the node
  # on ERL_EPMD_PORT).
  RABBITMQ_NODENAME=$rabbitmq_node RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$rabbitmq_port \
  RABBITMQ_DIST_PORT=$rabbitmq_dist_port ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
  RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log \
  RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf \
    setsid nohup "$rabbitmq_bin/rabbitmq-server" >"$state/logs/rabbitmq.log" 2>&1 </dev/null &
  echo $! >"$state/pids/rabbitmq.pid"
  wait_for_port "$rabbitmq_port" 90 RabbitMQ "$state/logs/rabbitmq.log"
  # The port opens before the node has finished booting.
  "$rabbitmq_bin/rabbitmqctl" -q -n "$rabbitmq_node" await_startup --timeout 60 >/dev/null
  echo "RabbitMQ on 127.0.0.1:$rabbitmq_port (node $rabbitmq_node, user guest)"
}

# A broker user for a dashboard team's consumer (docs/events/README.md, "Consuming the events"): it may declare, bind
# and read queues named "<name>.*" and bind them to the consumers' topic exchange NetworkPlatform.Events with binding keys
# of the networks it may see ("<network>.#"; a regex of network ids, all by default), and nothing else (no publishing, no
# other queue, not the per-type exchanges). The password is generated once into $state/event-consumers/<name>.password.
ensure_event_consumer() { # name [networks regex]
  local name=$1 networks=${2:-[^.]+} file=$state/event-consumers/$1.password
  mkdir -p "$state/event-consumers"
  [ -s "$file" ] || (umask 077 && openssl rand -hex 16 >"$file")
  local ctl=("$rabbitmq_bin/rabbitmqctl" -q -n "$rabbitmq_node")
  "${ctl[@]}" add_user "$name" "$(cat "$file")" >/dev/null 2>&1 || "${ctl[@]}" change_password "$name" "$(cat "$file")" >/dev/null
  "${ctl[@]}" set_permissions -p / "$name" "^$name\\..*" "^$name\\..*" "^($name\\..*|NetworkPlatform\\.Events)\$" >/dev/null
  "${ctl[@]}" set_topic_permissions -p / "$name" NetworkPlatform.Events '^$' "^($networks)\\." >/dev/null
  echo "Event consumer '$name' on amqp://127.0.0.1:$rabbitmq_port/ (queues $name.*; password in $file)"
}

ensure_client_secrets() {
  # Each service's client at the issuer (its calls outside a request, revocation checks) and the dashboard's: a random
  # secret per client, readable by you only. The issuer registers them at its start; each service reads only its own.
  local dir=$state/auth/clients
  mkdir -p "$dir"
  for client in "${services[@]%%:*}" dashboard; do
    [ -f "$dir/$client.secret" ] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/$client.secret")
  done
}

build() { # name, Project: builds it, or stops with the end of its build log
  local csproj=$root/services/$2/NetworkPlatform.$2.csproj
  dotnet build "$csproj" -c Debug --nologo -clp:ErrorsOnly >"$state/logs/$1-build.log" 2>&1 \
    || { echo "Building $1 failed (see $state/logs/$1-build.log)." >&2; tail -n 20 "$state/logs/$1-build.log" >&2; exit 1; }
}

start_identity() {
  # The embedded OpenID Connect issuer, its own process and database: the services' clients and the dashboard's are
  # registered from the secrets above; people get accounts with `identity invite` (README).
  if [ -f "$state/pids/identity.pid" ] && kill -0 "$(cat "$state/pids/identity.pid")" 2>/dev/null; then
    echo "identity already running on $issuer"; return
  fi
  build identity Identity
  local env=(
    ASPNETCORE_ENVIRONMENT=Development
    HTTP_PORT="$identity_port" BIND_ADDRESS=127.0.0.1
    Storage__Provider=postgres
    Storage__ConnectionString="Host=127.0.0.1;Port=$postgres_port;Database=identity;Username=identity"
    Identity__Issuer="$issuer"
    OTEL_SERVICE_NAME=identity
  )
  local index=0 name
  for name in "${services[@]%%:*}"; do
    env+=(Identity__Clients__${index}__ClientId=service-$name Identity__Clients__${index}__Kind=service
          Identity__Clients__${index}__SecretFile="$state/auth/clients/$name.secret")
    index=$((index + 1))
  done
  env+=(Identity__Clients__${index}__ClientId=dashboard Identity__Clients__${index}__Kind=web
        Identity__Clients__${index}__SecretFile="$state/auth/clients/dashboard.secret"
        Identity__Clients__${index}__RedirectUris__0="http://127.0.0.1:$dashboard_port/signin-oidc"
        Identity__Clients__${index}__PostLogoutRedirectUris__0="http://127.0.0.1:$dashboard_port/signout-callback-oidc")
  env "${env[@]}" setsid nohup dotnet "$root/artifacts/bin/NetworkPlatform.Identity/debug/NetworkPlatform.Identity.dll" \
    >"$state/logs/identity.log" 2>&1 </dev/null &
  echo $! >"$state/pids/identity.pid"
  wait_for_port "$identity_port" 60 identity "$state/logs/identity.log"
  echo "identity (the token issuer) on $issuer"
}

write_prometheus_config() { # scrape interval: every service's /metrics, the platform's alerts (deploy/prometheus/alerts.yml)
  local interval=${1:-$prometheus_interval}
  mkdir -p "$state/prometheus"
  {
    printf 'global:\n  scrape_interval: %s\n  evaluation_interval: %s\n' "$interval" "$interval"
    printf 'rule_files:\n  - %s\n' "$root/deploy/prometheus/alerts.yml"
    printf 'scrape_configs:\n'
    for entry in "${services[@]}"; do
      local name=${entry%%:*}
      printf '  - job_name: %s\n    static_configs:\n      - targets: ["127.0.0.1:%s"]\n' "$name" "$(http_port_of "$name")"
    done
  } >"$state/prometheus/prometheus.yml"
}

start_prometheus() {
  command -v prometheus >/dev/null || { echo "Prometheus is not installed: run tests/tools/install-deps.sh." >&2; exit 1; }
  if port_open "$prometheus_port"; then echo "Prometheus already running on 127.0.0.1:$prometheus_port"; return; fi
  write_prometheus_config
  setsid nohup prometheus --config.file="$state/prometheus/prometheus.yml" --storage.tsdb.path="$state/prometheus/data" \
    --web.listen-address="127.0.0.1:$prometheus_port" >"$state/logs/prometheus.log" 2>&1 </dev/null &
  echo $! >"$state/pids/prometheus.pid"
  wait_for_port "$prometheus_port" 30 Prometheus "$state/logs/prometheus.log"
  echo "Prometheus on http://127.0.0.1:$prometheus_port (alerts: http://127.0.0.1:$prometheus_port/alerts)"
}

start_service() { # name, Project, port
  local name=$1 project=$2 port=$3
  local csproj=services/$project/NetworkPlatform.$project.csproj
  if [ ! -f "$root/$csproj" ]; then
    echo "Skipping $name: $csproj does not exist yet."; return
  fi
  if [ -f "$state/pids/$name.pid" ] && kill -0 "$(cat "$state/pids/$name.pid")" 2>/dev/null; then
    echo "$name already running on 127.0.0.1:$port"; return
  fi
  build "$name" "$project"
  local dll=$root/artifacts/bin/NetworkPlatform.$project/debug/NetworkPlatform.$project.dll
  local env=(
    ASPNETCORE_ENVIRONMENT=Development
    GRPC_PORT="$port" HTTP_PORT="$(http_port_of "$name")" BIND_ADDRESS=127.0.0.1
    Storage__Provider=postgres
    Storage__ConnectionString="Host=127.0.0.1;Port=$postgres_port;Database=$name;Username=$name"
    Bus__Transport=rabbitmq
    Bus__RabbitMq__Host=127.0.0.1 Bus__RabbitMq__Port="$rabbitmq_port" Bus__RabbitMq__VirtualHost=/
    Bus__RabbitMq__Username=guest Bus__RabbitMq__Password=guest Bus__RabbitMq__ManagementUrl="http://127.0.0.1:$rabbitmq_management_port"
    Auth__Authority="$issuer" Auth__Audience=networkplatform
    Auth__ClientId="service-$name" Auth__ClientSecretFile="$state/auth/clients/$name.secret"
    Services__Membership="http://127.0.0.1:$(port_of membership)" Services__Groups="http://127.0.0.1:$(port_of groups)"
    Services__Meetings="http://127.0.0.1:$(port_of meetings)"
    OTEL_SERVICE_NAME="$name"
  )
  if [ "$name" = reporting ]; then
    env+=(Dashboard__ClientId=dashboard Dashboard__ClientSecretFile="$state/auth/clients/dashboard.secret")
  fi
  # A simple command in the background, so $! is the service's own pid (env, setsid and nohup exec).
  env "${env[@]}" setsid nohup dotnet "$dll" >"$state/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$state/pids/$name.pid"
  wait_for_port "$port" 60 "$name" "$state/logs/$name.log"
  echo "$name: gRPC on 127.0.0.1:$port, JSON and gRPC-Web on http://127.0.0.1:$(http_port_of "$name")$([ "$name" = reporting ] && echo " (dashboard)")"
}

start_postgres
start_rabbitmq
ensure_event_consumer dashboard
ensure_client_secrets
start_identity
for entry in "${services[@]}"; do
  IFS=: read -r name project port <<<"$entry"
  start_service "$name" "$project" "$port"
done
start_prometheus
echo "Up. Logs and pid files: $state/{logs,pids}. Stop everything with: make down"
