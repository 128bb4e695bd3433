#!/usr/bin/env bash
# The load benchmark on three set-ups in one run (issue 12 section 4;
# docs/performance.md, "One node, two engines, two nodes"):
#   sqlite      one node on SQLite (TLS, direct)
#   postgresql  one node on PostgreSQL (TLS, direct; its own cluster, initdb'd here)
#   cluster     two nodes on PostgreSQL behind HAProxy (scripts/cluster.sh)
# Each gets a fresh database and two exam-load runs: saves at saturation
# (256 candidates saving back to back) and synchronised starts (1,000
# candidates logging in and starting at the same instant, then saving every 5 s).
#   scripts/bench-backends.sh [--saturate-seconds 20] [--only sqlite|postgresql|cluster]
set -euo pipefail
cd "$(dirname "$0")/.."
saturate_seconds=20
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --saturate-seconds) saturate_seconds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: $0 [--saturate-seconds N] [--only sqlite|postgresql|cluster]" >&2; exit 2 ;;
  esac
done
scripts/build.sh > /dev/null
cmake --build build --target exam-load > /dev/null
server=build/exam-server/exam-server
load=build/tests/load/exam-load
work=$(mktemp -d /tmp/exam-bench.XXXXXX)
chmod 755 "$work"
port=19443
pg_port=19432
pg_bin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
server_pid=""
cluster_pid=""
cleanup() {
  local status=$?
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null; wait "$server_pid" 2> /dev/null || true; fi
  if [ -n "$cluster_pid" ]; then kill "$cluster_pid" 2> /dev/null; wait "$cluster_pid" 2> /dev/null || true; fi
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop > /dev/null 2>&1 || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

runs() {  # $1: label, $2: pid to sample (or empty)
  local pid_option=()
  [ -n "$2" ] && pid_option=(--server-pid "$2")
  echo "=== $1: saves at saturation (256 candidates, ${saturate_seconds} s) ==="
  "$load" --port "$port" --setup --candidates 256 --saturate --duration "$saturate_seconds" --ramp 2 "${pid_option[@]}"
  echo "=== $1: synchronised starts (1,000 candidates at once, then a save every 5 s for 10 s) ==="
  "$load" --port "$port" --setup --candidates 1000 --ramp 0 --save-interval 5 --duration 10 "${pid_option[@]}"
}

start_node() {  # extra options for the node
  "$server" --demo --data-dir "$work/data-$RANDOM" --port "$port" --log-level warning \
    --max-connections-per-address 20000 "$@" > "$work/node.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -skf "https://127.0.0.1:$port/healthz" > /dev/null && grep -q "^Stop with Ctrl-C" "$work/node.log" && return
    sleep 0.1
  done
  cat "$work/node.log" >&2
  exit 1
}
stop_node() {
  kill "$server_pid"
  wait "$server_pid" || true
  server_pid=""
}

echo "machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

if [ -z "$only" ] || [ "$only" = sqlite ]; then
  start_node
  runs "one node, SQLite" "$server_pid"
  stop_node
fi

if [ -z "$only" ] || [ "$only" = postgresql ]; then
  [ "$(id -u)" = 0 ] && chown postgres "$work"
  as_postgres "$pg_bin/initdb" -D "$work/pg" -A trust -U exam -E UTF8 > /dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" start > /dev/null
  as_postgres "$pg_bin/psql" -q -X "postgresql://exam@127.0.0.1:$pg_port/postgres" -c "CREATE DATABASE exam"
  start_node --database "postgresql://exam@127.0.0.1:$pg_port/exam"
  runs "one node, PostgreSQL" "$server_pid"
  stop_node
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop > /dev/null
fi

if [ -z "$only" ] || [ "$only" = cluster ]; then
  EXAM_CLUSTER_DIR="$work/cluster" EXAM_PORT=$port EXAM_PG_PORT=$pg_port EXAM_FIRST_NODE_PORT=19501 \
    scripts/cluster.sh --nodes 2 > "$work/cluster.out" 2>&1 &
  cluster_pid=$!
  for _ in $(seq 1 300); do grep -q "Cluster up" "$work/cluster.out" && break; sleep 0.1; done
  grep -q "Cluster up" "$work/cluster.out" || { cat "$work/cluster.out" >&2; exit 1; }
  runs "two nodes, PostgreSQL, HAProxy" "$(cat "$work/cluster/node-1.pid")"
  echo "(memory and CPU above are node 1's; node 2: $(grep VmHWM /proc/"$(cat "$work/cluster/node-2.pid")"/status))"
fi
