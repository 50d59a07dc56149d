#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test command: Debian's postgresql package (installed here when initdb is
# missing), initdb in a temp directory as an unprivileged user, listening only on 127.0.0.1 on a free port, trust
# auth for loopback (nothing but this machine's processes can reach it, and it lives for one test run).
#
#   eval "$(bash tests/scripts/postgres-cluster.sh start)"   # exports HQT_TEST_POSTGRES (a connection string)
#                                                              # and HQT_TEST_POSTGRES_DIR (the cluster's directory)
#   bash tests/scripts/postgres-cluster.sh stop "$HQT_TEST_POSTGRES_DIR"
#
# start prints shell exports on stdout and everything else on stderr. Exit code 2: no PostgreSQL could be had
# (not root and no sudo): the caller skips the PostgreSQL run loudly.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 2
  fi
}

install_postgres() {
  echo "postgres-cluster: initdb not found; installing Debian's postgresql" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2 || return 2
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

start() {
  local bin
  bin=$(find_bin) || { install_postgres || { echo "postgres-cluster: SKIPPED: cannot install postgresql (not root, no sudo)" >&2; exit 2; }; bin=$(find_bin); }
  local dir port user=""
  dir=$(mktemp -d /tmp/hqt-pg.XXXXXX)
  chmod 755 "$dir"
  # PostgreSQL refuses to run as root: as root, the cluster belongs to an unprivileged system user.
  if [ "$(id -u)" -eq 0 ]; then
    user=hqt-test
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user" >&2 \
      || user=nobody
    chown "$user" "$dir"
  fi
  run() { if [ -n "$user" ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }
  run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # Test settings. fsync/synchronous_commit/full_page_writes off: this cluster is deleted after the run, so a crash
  # can lose nothing worth keeping, and the suite creates a database per test host (many small commits).
  # The production durability is the server's own configuration; the app asks for nothing weaker.
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 500
shared_buffers = 64MB
log_min_messages = warning
CONF
  local tries=0
  while :; do
    # HQT_TEST_POSTGRES_PORT: a port of the caller's own range (machines where ports are handed out), else a free one.
    port=${HQT_TEST_POSTGRES_PORT:-$(free_port)}
    if run "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/server.log" -w -t 60 start >&2; then break; fi
    tries=$((tries + 1)); [ "$tries" -ge 3 ] && { cat "$dir/server.log" >&2; exit 1; }
  done
  echo "$port" >"$dir/port"
  echo "postgres-cluster: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
  echo "export HQT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "export HQT_TEST_POSTGRES_DIR='$dir'"
}

stop() {
  local dir=${1:-${HQT_TEST_POSTGRES_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "postgres-cluster: nothing to stop" >&2; return 0; }
  local bin owner
  bin=$(find_bin)
  owner=$(stat -c %U "$dir/data")
  if [ "$(id -u)" -eq 0 ] && [ "$owner" != root ]; then
    runuser -u "$owner" -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  else
    "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [dir]" >&2; exit 64 ;;
esac
