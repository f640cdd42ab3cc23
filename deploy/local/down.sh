#!/usr/bin/env bash
# make down: stops what `make up` started (Prometheus, services, the issuer, RabbitMQ, PostgreSQL). Data stays in .data/up/
# for the next `make up`; `make clean` removes it.
set -uo pipefail
source "$(dirname "$0")/env.sh"

stop_pid() { # name, pid file
  local name=$1 file=$2
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name did not stop within 10 s of SIGTERM: killing it."
      kill -KILL "$pid" 2>/dev/null
    fi
    echo "Stopped $name"
  fi
  rm -f "$file"
}

stop_pid Prometheus "$state/pids/prometheus.pid"
for entry in "${services[@]}"; do
  name=${entry%%:*}
  stop_pid "$name" "$state/pids/$name.pid"
done
stop_pid identity "$state/pids/identity.pid"

if [ -f "$state/pids/rabbitmq.pid" ]; then
  # rabbitmqctl stop returns once the node has shut down; the signal is the fallback.
  if "$rabbitmq_bin/rabbitmqctl" -q -n "$rabbitmq_node" stop >/dev/null 2>&1; then
    echo "Stopped RabbitMQ"
    rm -f "$state/pids/rabbitmq.pid"
  else
    stop_pid RabbitMQ "$state/pids/rabbitmq.pid"
  fi
  # The node's own port mapper (ERL_EPMD_PORT) outlives the node; it refuses to go while the node is still registered.
  for _ in $(seq 1 50); do epmd -kill >/dev/null 2>&1 && break; sleep 0.2; done
fi

if [ -f "$state/postgres/data/postmaster.pid" ]; then
  as_user postgres "$pg_bin/pg_ctl" -D "$state/postgres/data" -m fast -w stop >/dev/null && echo "Stopped PostgreSQL"
fi
echo "Down."
