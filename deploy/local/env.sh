# Shared by up.sh and down.sh: where the local distributed mode keeps its state, and its fixed ports
# (the brief's conventions: services on 5101-5104, the reporting dashboard on 5180; the others' HTTP ports 5181-5183).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
state=${UP_DIR:-$root/.data/up}
postgres_port=${UP_POSTGRES_PORT:-55432}
rabbitmq_port=${UP_RABBITMQ_PORT:-55672}
rabbitmq_dist_port=${UP_RABBITMQ_DIST_PORT:-55673}
rabbitmq_management_port=${UP_RABBITMQ_MANAGEMENT_PORT:-55674}
# A port mapper (epmd) of our own on loopback, beside any other Erlang node's; rabbitmqctl finds the node through it.
export ERL_EPMD_PORT=${UP_RABBITMQ_EPMD_PORT:-55675}
rabbitmq_node=${UP_RABBITMQ_NODE:-networkplatform-up@localhost}
pg_bin=/usr/lib/postgresql/15/bin
# Debian's /usr/sbin wrappers run RabbitMQ as the rabbitmq user and accept only root; others run it as themselves.
if [ "$(id -u)" -eq 0 ]; then rabbitmq_bin=/usr/sbin; else rabbitmq_bin=/usr/lib/rabbitmq/bin; fi
# UP_PORT_OFFSET moves every service port (the deploy tests run a second copy beside yours).
offset=${UP_PORT_OFFSET:-0}
dashboard_port=$((5180 + offset))
# The embedded OpenID Connect issuer (services/Identity): the services' Auth__Authority.
identity_port=$((5100 + offset))
issuer=http://127.0.0.1:$identity_port/

# name:Project:gRPC port
services=(membership:Membership:$((5101 + offset)) groups:Groups:$((5102 + offset))
          meetings:Meetings:$((5103 + offset)) reporting:Reporting:$((5104 + offset)))
# Prometheus (make up scrapes every service with the platform's alerts loaded), on loopback.
prometheus_port=${UP_PROMETHEUS_PORT:-$((5190 + offset))}
# How often Prometheus scrapes and evaluates the alerts (the deploy test shortens it to see an alert fire sooner).
prometheus_interval=${UP_PROMETHEUS_INTERVAL:-15s}
port_of() { local entry; for entry in "${services[@]}"; do [ "${entry%%:*}" = "$1" ] && echo "${entry##*:}"; done; }
# Each service's HTTP/1.1 port (JSON, gRPC-Web, OpenAPI, /metrics): reporting's is the dashboard's.
http_port_of() {
  case $1 in
    membership) echo $((5181 + offset)) ;; groups) echo $((5182 + offset)) ;; meetings) echo $((5183 + offset)) ;; *) echo "$dashboard_port" ;;
  esac
}

# Runs a command as the owner of the backing services' files: postgres/rabbitmq when we are root.
as_user() { # user, command...
  local user=$1; shift
  if [ "$(id -u)" -eq 0 ]; then su "$user" -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi
}
