#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, in a folder of its own: no system service, no password, nothing
# outside that folder. For the tests (test.sh), the benchmarks and trying the site on PostgreSQL locally.
#
#   scripts/throwaway-postgres.sh start DIR [PORT] [--fast]  starts it (installing Debian's postgresql when missing)
#                                                            and prints the connection string of database "pirisite"
#   scripts/throwaway-postgres.sh stop DIR                    stops it (then rm -rf DIR)
#
# --fast turns fsync off: for tests only, never for benchmarks or data you want to keep.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$found" ] && command -v pg_ctl >/dev/null; then found=$(dirname "$(command -v pg_ctl)"); fi
  echo "$found"
}

# The server refuses to run as root: as root it runs as the postgres user, otherwise as whoever calls this.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

case "$command" in
  start)
    port=${3:-55432}
    fsync=on
    if [ "${4:-}" = "--fast" ]; then fsync=off; fi
    bin=$(find_bin)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      echo "Installing Debian's postgresql..." >&2
      sudo_cmd=""
      if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
      $sudo_cmd apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
      bin=$(find_bin)
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_owner "'$bin/initdb' -D '$dir/data' -U piri --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=300\" start" >/dev/null
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U piri pirisite
    echo "Host=127.0.0.1;Port=$port;Username=piri;Database=pirisite"
    ;;
  stop)
    bin=$(find_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null || true
    fi
    ;;
  *)
    echo "unknown command: $command" >&2
    exit 2
    ;;
esac
