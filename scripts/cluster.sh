#!/usr/bin/env bash
# Several exam-server nodes behind a load balancer, on this machine (issue 12;
# docs/scaling.md lays the same out across machines):
#   - PostgreSQL 15 from Debian, a cluster of its own in $EXAM_CLUSTER_DIR
#     (initdb; 127.0.0.1:$EXAM_PG_PORT), never the machine's service;
#   - N exam-server nodes (default 2) on 127.0.0.1:9001, 9002..., plain HTTP
#     behind the balancer, sharing the database, the data folder (so the same
#     awarding key) and the demo data;
#   - HAProxy in front on https://localhost:$EXAM_PORT: TLS, health checks on
#     /healthz, WebSockets, each bearer token kept on one node while it is
#     healthy and moved to another when it is not.
#   - with --standby, a synchronous streaming standby of the database
#     (pg_basebackup; synchronous_standby_names) on $EXAM_PG_STANDBY_PORT,
#     and the nodes given both hosts: after the primary fails and the standby
#     is promoted (docs/scaling.md, "Failover"), they find it by themselves.
# Prints the URL; Ctrl-C stops everything. Needs scripts/build.sh run first
# (scripts/cluster.sh --build does it).
#   scripts/cluster.sh [--build] [--nodes N] [--standby]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

nodes=2
build=false
standby=false
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes=$2; shift 2 ;;
    --build) build=true; shift ;;
    --standby) standby=true; shift ;;
    *) echo "usage: $0 [--build] [--nodes N] [--standby]" >&2; exit 2 ;;
  esac
done
if $build; then
  scripts/install-deps.sh
  scripts/build.sh
fi

dir=$(realpath -m "${EXAM_CLUSTER_DIR:-cluster-data}")
pg_port=${EXAM_PG_PORT:-5433}
standby_port=${EXAM_PG_STANDBY_PORT:-5434}
port=${EXAM_PORT:-8443}
first_node_port=${EXAM_FIRST_NODE_PORT:-9001}
pg_bin=/usr/lib/postgresql/15/bin
server="$root/build/exam-server/exam-server"
[ -x "$server" ] || { echo "no $server: run scripts/build.sh (or $0 --build)" >&2; exit 1; }
for tool in haproxy openssl curl "$pg_bin/initdb"; do
  command -v "$tool" > /dev/null || { echo "$tool is missing: run scripts/install-deps.sh" >&2; exit 1; }
done
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$dir"
pids=()
stop_all() {
  trap - EXIT INT TERM
  echo "stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  as_postgres "$pg_bin/pg_ctl" -D "$dir/postgresql" -m fast -w stop > /dev/null 2>&1 || true
  as_postgres "$pg_bin/pg_ctl" -D "$dir/standby" -m fast -w stop > /dev/null 2>&1 || true
}
trap stop_all EXIT INT TERM

# The database: made once, kept between runs (remove $dir to start afresh).
if [ ! -f "$dir/postgresql/PG_VERSION" ]; then
  mkdir -p "$dir/postgresql"
  [ "$(id -u)" = 0 ] && chown postgres "$dir" "$dir/postgresql"
  as_postgres "$pg_bin/initdb" -D "$dir/postgresql" -A trust -U exam -E UTF8 > "$dir/initdb.log"
fi
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_postgres "$pg_bin/pg_ctl" -D "$dir/postgresql" -w -l "$dir/postgresql.log" \
  -o "-p $pg_port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start > /dev/null
database="postgresql://exam@127.0.0.1:$pg_port/exam"
as_postgres "$pg_bin/psql" -q -X "postgresql://exam@127.0.0.1:$pg_port/postgres" -tc \
  "SELECT 1 FROM pg_database WHERE datname = 'exam'" | grep -q 1 ||
  as_postgres "$pg_bin/psql" -q -X "postgresql://exam@127.0.0.1:$pg_port/postgres" -c "CREATE DATABASE exam"

if $standby; then
  # A copy of the primary that replays its WAL as it streams in, made afresh
  # each run; once it is streaming, the primary's commits wait for it to have
  # the WAL on disk too (synchronous_commit = on), so an acknowledged answer
  # survives losing the primary.
  primary_sql() { as_postgres "$pg_bin/psql" -q -X -t "postgresql://exam@127.0.0.1:$pg_port/postgres" -c "$1"; }
  primary_sql "ALTER SYSTEM RESET synchronous_standby_names" > /dev/null
  primary_sql "SELECT pg_reload_conf()" > /dev/null
  rm -rf "$dir/standby"
  as_postgres "$pg_bin/pg_basebackup" -D "$dir/standby" -R -X stream -c fast \
    -d "host=127.0.0.1 port=$pg_port user=exam application_name=standby1"
  as_postgres "$pg_bin/pg_ctl" -D "$dir/standby" -w -l "$dir/standby.log" \
    -o "-p $standby_port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start > /dev/null
  for _ in $(seq 1 100); do
    primary_sql "SELECT 1 FROM pg_stat_replication WHERE application_name = 'standby1' AND state = 'streaming'" |
      grep -q 1 && break
    sleep 0.1
  done
  primary_sql "ALTER SYSTEM SET synchronous_standby_names = 'standby1'" > /dev/null
  primary_sql "SELECT pg_reload_conf()" > /dev/null
  # Both hosts: libpq takes the first that accepts writes, so after a
  # promotion the nodes reconnect to the new primary by themselves.
  database="postgresql://exam@127.0.0.1:$pg_port,127.0.0.1:$standby_port/exam?target_session_attrs=read-write"
fi

# The nodes: the first makes the schema, the awarding key and the demo data; then the rest.
mkdir -p "$dir/node-data"
start_node() {
  local n=$1 extra=${2:-}
  local node_port=$((first_node_port + n - 1))
  # shellcheck disable=SC2086
  "$server" --database "$database" --data-dir "$dir/node-data" --listen 127.0.0.1 --port "$node_port" \
    --plain-http --trusted-proxy 127.0.0.1 --max-connections-per-address 20000 --log-level warning $extra \
    > "$dir/node-$n.log" 2>&1 &
  pids+=($!)
  echo $! > "$dir/node-$n.pid"
  for _ in $(seq 1 100); do
    # Ready once it answers and has printed its banner (the demo data, for node 1, comes before it).
    if curl -sf "http://127.0.0.1:$node_port/healthz" > /dev/null && grep -q "^Stop with Ctrl-C" "$dir/node-$n.log"; then
      return 0
    fi
    kill -0 "${pids[-1]}" 2> /dev/null || { cat "$dir/node-$n.log" >&2; return 1; }
    sleep 0.1
  done
  echo "node $n did not answer on port $node_port" >&2
  return 1
}
start_node 1 --demo
for n in $(seq 2 "$nodes"); do start_node "$n"; done

# The balancer: TLS here (a self-signed certificate made once), plain HTTP to the nodes.
if [ ! -f "$dir/balancer.pem" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$dir/balancer.key" -out "$dir/balancer.crt" 2> /dev/null
  cat "$dir/balancer.crt" "$dir/balancer.key" > "$dir/balancer.pem"
  chmod 600 "$dir/balancer.pem" "$dir/balancer.key"
fi
{
  cat <<EOF
global
  log stdout format short local0 warning
  # Each connection holds two descriptors (client and node): within the usual limit of 20000.
  maxconn 9000
defaults
  mode http
  log global
  option httplog
  option forwardfor
  option redispatch
  retries 3
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A live feed or an idle WebSocket stays open this long.
  timeout tunnel 1h
frontend exam
  bind 127.0.0.1:$port ssl crt $dir/balancer.pem alpn http/1.1
  http-response set-header Strict-Transport-Security "max-age=31536000"
  default_backend nodes
backend nodes
  # A bearer token's requests go to one node while it is healthy (its cache
  # stays warm); log-ins, which carry none, go round. A failed node's tokens
  # move to the others.
  balance hdr(Authorization)
  hash-type consistent
  option httpchk GET /healthz
  http-check expect status 200
EOF
  for n in $(seq 1 "$nodes"); do
    echo "  server node$n 127.0.0.1:$((first_node_port + n - 1)) check inter 500ms fall 2 rise 2"
  done
} > "$dir/haproxy.cfg"
haproxy -c -q -f "$dir/haproxy.cfg"
haproxy -db -f "$dir/haproxy.cfg" > "$dir/haproxy.log" 2>&1 &
pids+=($!)
echo $! > "$dir/haproxy.pid"
balancer_up=false
for _ in $(seq 1 50); do
  if curl -skf "https://127.0.0.1:$port/healthz" > /dev/null; then balancer_up=true; break; fi
  sleep 0.1
done
$balancer_up || { cat "$dir/haproxy.log" >&2; echo "the balancer did not answer on port $port" >&2; exit 1; }

# The demo log-ins and keycodes node 1 printed (its own URLs are the balancer's now).
sed -n '/^Demo log-ins/,/^Candidates sit/p' "$dir/node-1.log" | sed '$d'
echo "The demo session's times follow the clock of the node that made it."
cat <<EOF

Cluster up: $nodes nodes behind HAProxy, on PostgreSQL ($database)$($standby && echo ", standby on port $standby_port").
  Candidates:    https://localhost:$port/
  Staff console: https://localhost:$port/staff/
  Nodes:         $(for n in $(seq 1 "$nodes"); do printf 'http://127.0.0.1:%s (pid %s)  ' $((first_node_port + n - 1)) "$(cat "$dir/node-$n.pid")"; done)
  Logs, pids:    $dir
The certificate is self-signed ($dir/balancer.crt). Try: kill -9 \$(cat $dir/node-1.pid)
Ctrl-C stops everything.
EOF
wait "${pids[-1]}"
