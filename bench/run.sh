#!/usr/bin/env bash
# The public site's speed against a baseline, measured in one run (issue 6). Not a test: it reports figures.
#   1. publishes a Release build of the site and of bench/baseline (a tiny app serving one HTML page from memory);
#   2. seeds a database once by starting the site, then gives each site instance its own copy;
#   3. starts, on 127.0.0.1: the site (page cache on), the site with the page cache off (for the rendered article),
#      the baseline serving the site's own article page, byte for byte, and two reference apps (below);
#   4. starts a throwaway PostgreSQL server (scripts/throwaway-postgres.sh, fsync on: as durable as the SQLite
#      figures) and one more site instance on it, page cache off, for the rendered article and the consultation POST;
#   5. bench/bench.py drives wrk through warm-up and interleaved repetitions and writes bench/RESULTS.md.
#   6. bench/two-instances.sh: two instances on PostgreSQL and Redis behind nginx, with the cached-page ratio
#      (bench/RESULTS-two-instances.md).
# Usage: bench/run.sh [repetitions (default 5)] [seconds per run (default 8)]
#        bench/run.sh two-instances [repetitions] [seconds]   (step 6 alone)
#        bench/run.sh content-scale [sizes]   (bench/content-scale.sh: N articles in three languages, issue 18; not run by default)
# Settings: BENCH_PORT (the first of seven loopback ports, default 5300), POSTGRES_PORT (default 55498); step 6's
# are in bench/two-instances.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "two-instances" ]; then
  shift
  exec bench/two-instances.sh "$@"
fi
if [ "${1:-}" = "content-scale" ]; then
  shift
  exec bench/content-scale.sh "$@"
fi

if ! command -v wrk >/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

work=$(mktemp -d)
# Its own folder: the server runs as the postgres user, who cannot enter $work.
postgres_dir=$(mktemp -d /tmp/pg-bench-run.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true
  scripts/throwaway-postgres.sh stop "$postgres_dir"; rm -rf "$work" "$postgres_dir"
}
trap cleanup EXIT
port=${BENCH_PORT:-5300}

echo "Publishing Release builds..." >&2
dotnet publish src/Web -c Release --use-current-runtime -o "$work/site" --nologo -v quiet >/dev/null
dotnet publish bench/baseline -c Release -o "$work/baseline" --nologo -v quiet >/dev/null

# What every site instance shares: production settings, quiet logs, mail to files, the consultation rate limit
# relaxed (one client sends thousands of requests here; this setting exists for the benchmark only).
export ASPNETCORE_ENVIRONMENT=Production
export Site__DataProtectionKeysPath="$work/keys"
export Mail__PickupDirectory="$work/mail"
export Consultation__RateLimit__PermitLimit=1000000000
export Consultation__MinimumFillSeconds=0
export Serilog__MinimumLevel__Default=Warning

# Something else answering on a port would be measured instead of the server started for it.
port_free() { if curl -s -o /dev/null "http://127.0.0.1:$1/"; then echo "Port $1 is in use: set BENCH_PORT" >&2; exit 1; fi; }

start_site() { # name port extra-env... (later settings override the SQLite database given first)
  local name=$1 port=$2; shift 2
  port_free "$port"
  (cd "$work/site" && exec env ConnectionStrings__Site="Data Source=$work/$name.db" Site__PublicBaseUrl="http://127.0.0.1:$port" "$@" \
    dotnet PiriSite.Web.dll --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "The $name site did not start; its log:" >&2; cat "$work/$name.log" >&2; exit 1
}

stop_last_site() { kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; }

echo "Seeding a database..." >&2
start_site seed "$port"
stop_last_site
for name in cached uncached; do
  for suffix in "" -wal -shm; do [ -f "$work/seed.db$suffix" ] && cp "$work/seed.db$suffix" "$work/$name.db$suffix"; done
done

echo "Starting a throwaway PostgreSQL and seeding it..." >&2
postgres=$(scripts/throwaway-postgres.sh start "$postgres_dir" "${POSTGRES_PORT:-55498}")
on_postgres=(Database__Provider=Postgres ConnectionStrings__Site="$postgres")
start_site postgres-seed "$port" "${on_postgres[@]}"
stop_last_site

start_site cached $((port + 1))
start_site uncached $((port + 2)) Site__CachePublicPages=false
start_site postgres $((port + 6)) Site__CachePublicPages=false "${on_postgres[@]}"

# The baseline serves exactly the bytes of the site's article page. Reference apps show the least that what the
# issue requires costs here: the same bytes with the site's own security headers; with those headers through
# routing and ASP.NET Core's output cache; and a form post stored durably in SQLite (bench/baseline/Program.cs).
curl -fs "http://127.0.0.1:$((port + 1))/articles/what-is-the-ice-287g-program" -o "$work/article.html" -D "$work/article.headers"
grep -viE '^(HTTP/|date|content-length|content-type|age|server|transfer-encoding|vary):' "$work/article.headers" \
  | tr -d '\r' >"$work/security.headers"
start_baseline() { # name port options...
  local name=$1 port=$2; shift 2
  port_free "$port"
  (cd "$work/baseline" && exec dotnet Baseline.dll "$work/article.html" "$@" --urls "http://127.0.0.1:$port" \
    >"$work/$name.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "The $name app did not start; its log:" >&2; cat "$work/$name.log" >&2; exit 1
}
start_baseline baseline "$port"
start_baseline headers $((port + 3)) --headers "$work/security.headers"
start_baseline framework $((port + 4)) --headers "$work/security.headers" --output-cache
start_baseline store $((port + 5)) --store-posts "$work/posts.db"

python3 bench/bench.py --work "$work" --repetitions "${1:-5}" --seconds "${2:-8}" \
  --baseline "http://127.0.0.1:$port" --headers-reference "http://127.0.0.1:$((port + 3))" \
  --framework-reference "http://127.0.0.1:$((port + 4))" --store-reference "http://127.0.0.1:$((port + 5))" \
  --site "http://127.0.0.1:$((port + 1))" --uncached "http://127.0.0.1:$((port + 2))" \
  --postgres-site "http://127.0.0.1:$((port + 6))" --postgres "$postgres" --postgres-dir "$postgres_dir" \
  --output bench/RESULTS.md

# Two instances behind the proxy, on the Release build published above.
BENCH_SITE_DIR="$work/site" bench/two-instances.sh "${1:-5}" "${2:-8}"
