#!/usr/bin/env bash
# A throwaway Redis server on loopback, in a folder of its own: no persistence, no system service. For the tests
# (test.sh), the benchmarks and trying several instances locally.
#
#   scripts/throwaway-redis.sh start DIR [PORT]  starts it (installing Debian's redis-server when missing) and prints
#                                                its configuration string (127.0.0.1:PORT) for Redis:Configuration
#   scripts/throwaway-redis.sh stop DIR          stops it (then rm -rf DIR)
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi

case "$command" in
  start)
    port=${3:-56379}
    if ! command -v redis-server >/dev/null; then
      echo "Installing Debian's redis-server..." >&2
      sudo_cmd=""
      if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
      $sudo_cmd apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/log" >/dev/null
    for _ in $(seq 1 50); do
      if redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; then
        echo "127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
    echo "redis-server did not answer on port $port; its log:" >&2
    cat "$dir/log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$dir/redis.pid" ]; then
      kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    fi
    ;;
  *)
    echo "unknown command: $command" >&2
    exit 2
    ;;
esac
