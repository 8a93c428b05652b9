#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, run as an unprivileged user, on a
# free port on 127.0.0.1, with its socket in the same folder. Nothing is downloaded; as root on Debian it installs the
# postgresql package when no PostgreSQL binaries are found.
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # exports VILLAGEBOT_TEST_PG (an Npgsql connection string) and VILLAGEBOT_TEST_PG_DIR
#   VILLAGEBOT_PG_DURABLE=1 scripts/pg-test-cluster.sh start   # the same with fsync on, as in production (benchmarks)
#   scripts/pg-test-cluster.sh stop [DIR]        # stops the cluster and removes its folder (DIR defaults to $VILLAGEBOT_TEST_PG_DIR)
set -euo pipefail

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/bin /usr/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

free_port() {
  local port
  # In random order: clusters started at the same moment (test classes run in parallel) rarely pick the same port.
  for port in $(seq 55432 55531 | shuf); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start() {
  local bin
  if ! bin=$(find_bin); then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing PostgreSQL for the store tests…" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 || true
    fi
    bin=$(find_bin) || { echo "no PostgreSQL binaries (initdb, pg_ctl) found" >&2; exit 1; }
  fi

  local dir port as=()
  # Tests need no durability; a benchmark (VILLAGEBOT_PG_DURABLE=1) measures PostgreSQL as production runs it.
  local durability="-c fsync=off"
  if [ "${VILLAGEBOT_PG_DURABLE:-0}" = "1" ]; then durability=""; fi
  dir=$(mktemp -d /tmp/villagebot-pg.XXXXXX)
  # A start that fails leaves no folder behind (the "bin" file is written once the cluster runs).
  started_dir=$dir
  trap '[ -z "${started_dir:-}" ] || [ -f "$started_dir/bin" ] || rm -rf "$started_dir"' EXIT
  port=$(free_port) || { echo "no free port between 55432 and 55531" >&2; exit 1; }
  if [ "$(id -u)" = "0" ]; then
    # PostgreSQL refuses to run as root.
    chown nobody "$dir"
    chmod 700 "$dir"
    as=(runuser -u nobody --)
  fi
  # The unprivileged user may not enter the caller's folder.
  cd "$dir"

  "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # A port taken between the check and the start (another cluster starting at the same moment) is tried again with another.
  local tries=0
  until "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=400" start >/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -ge 5 ] || ! grep -q "Address already in use" "$dir/server.log"; then cat "$dir/server.log" >&2; exit 1; fi
    port=$(free_port) || { echo "no free port between 55432 and 55531" >&2; exit 1; }
  done
  echo "$bin" >"$dir/bin"
  echo "export VILLAGEBOT_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "export VILLAGEBOT_TEST_PG_DIR='$dir'"
}

stop() {
  local dir=${1:-${VILLAGEBOT_TEST_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "no cluster folder given" >&2; exit 1; }
  local bin as=()
  bin=$(cat "$dir/bin")
  if [ "$(id -u)" = "0" ]; then as=(runuser -u nobody --); fi
  cd /
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
