#!/bin/sh
# A PostgreSQL server shared by the integration suite's second run (ctest's
# fixture "postgresql", tests/exam-server/server_tests.cmake): Debian's
# postgresql-15 binaries, a cluster made by initdb in DIR, listening only on a
# socket in DIR (no TCP port to collide with anything), never a system service.
#   test-postgresql.sh start DIR    # prints nothing; the URI is postgresql://exam@/postgres?host=DIR
#   test-postgresql.sh stop DIR
# As root (as in CI), the cluster belongs to the postgres user, since
# PostgreSQL refuses to run as root.
set -eu
action=$1
dir=$2
bin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
start)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  # --no-sync: the cluster is thrown away after the run; the server itself
  # still syncs every commit (fsync and synchronous_commit stay on).
  as_postgres "$bin/initdb" -D "$dir/data" -A trust -U exam -E UTF8 --no-sync > "$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as_postgres "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
    -o "-k $dir -c listen_addresses= -c max_connections=200 -c shared_buffers=64MB" start > /dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
