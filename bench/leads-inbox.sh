#!/usr/bin/env bash
# Benchmark of the leads inbox with 100,000 consultation requests (issue 5's speed target: under 100 ms), on SQLite,
# on PostgreSQL, or on both one after the other (the default).
#   bench/leads-inbox.sh [sqlite|postgres|both]
# For each engine: builds Release once, creates a fresh database with an Attorney account (the site's own
# migrations run first), seeds it (bench/seed-leads.sql, or bench/seed-leads-postgres.sql: the same rows),
# starts the site on 127.0.0.1 and times each inbox view with bench/leads-inbox.py. Prints a Markdown table per
# engine. PostgreSQL is a throwaway server (scripts/throwaway-postgres.sh, fsync on) removed at the end.
# Settings: PORT (the site, default 5199), POSTGRES_PORT (the throwaway server, default 55499).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-both}" in
  sqlite) engines=(sqlite) ;;
  postgres) engines=(postgres) ;;
  both) engines=(sqlite postgres) ;;
  *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

work=$(mktemp -d)
postgres_dir=""
site=""
cleanup() {
  if [ -n "$site" ]; then kill "$site" 2>/dev/null || true; wait "$site" 2>/dev/null || true; fi
  if [ -n "$postgres_dir" ]; then scripts/throwaway-postgres.sh stop "$postgres_dir"; rm -rf "$postgres_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=${PORT:-5199}
export Site__DataProtectionKeysPath="$work/keys"
export Mail__PickupDirectory="$work/mail"
export Serilog__MinimumLevel__Default=Warning
export Security__SignInRateLimit__PermitLimit=1000
export ASPNETCORE_ENVIRONMENT=Production
export Site__PublicBaseUrl="http://127.0.0.1:$port"

dotnet build src/Web -c Release --nologo -v quiet >/dev/null
app=src/Web/bin/Release/net10.0/PiriSite.Web.dll

elapsed() { echo "$(date +%s.%N) - $1" | bc 2>/dev/null || echo '?'; }

for engine in "${engines[@]}"; do
  password="benchmark passphrase $(date +%s)"
  if [ "$engine" = sqlite ]; then
    export Database__Provider=Sqlite ConnectionStrings__Site="Data Source=$work/site.db"
    echo "$password" | dotnet "$app" create-admin --email bench@pirisite.test --name "Benchmark" >/dev/null
    start=$(date +%s.%N)
    sqlite3 "$work/site.db" < bench/seed-leads.sql
    # A database that has lived has planner statistics (the site runs PRAGMA optimize at every start).
    sqlite3 "$work/site.db" "PRAGMA optimize=0x10002;"
    echo "Seeded $(sqlite3 "$work/site.db" 'SELECT COUNT(*) FROM ConsultationRequests') requests in $(elapsed "$start") s" >&2
    title="SQLite $(sqlite3 --version | cut -d' ' -f1) (WAL)"
  else
    postgres_dir=$(mktemp -d /tmp/pg-bench-leads.XXXXXX)
    connection=$(scripts/throwaway-postgres.sh start "$postgres_dir" "${POSTGRES_PORT:-55499}")
    psql=(psql "postgresql://piri@127.0.0.1:${POSTGRES_PORT:-55499}/pirisite" -qtA -v ON_ERROR_STOP=1)
    export Database__Provider=Postgres ConnectionStrings__Site="$connection"
    # create-admin migrates the database first, as the site does at start.
    echo "$password" | dotnet "$app" create-admin --email bench@pirisite.test --name "Benchmark" >/dev/null
    start=$(date +%s.%N)
    "${psql[@]}" -f bench/seed-leads-postgres.sql
    # What autovacuum does to a table that has had many rows inserted, and would have done on a site that has
    # lived: planner statistics (ANALYZE) and the visibility map that lets index-only scans skip the table (VACUUM).
    "${psql[@]}" -c "VACUUM (ANALYZE) \"ConsultationRequests\";"
    echo "Seeded $("${psql[@]}" -c 'SELECT COUNT(*) FROM "ConsultationRequests"') requests in $(elapsed "$start") s" >&2
    title="PostgreSQL $("${psql[@]}" -c 'SHOW server_version' | cut -d' ' -f1) (fsync on, default settings)"
  fi

  # Something else answering on the port would be timed instead of this site.
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "Port $port is in use: set PORT" >&2; exit 1; fi
  dotnet "$app" --urls "http://127.0.0.1:$port" >"$work/site-$engine.log" 2>&1 &
  site=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -m), .NET $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  echo
  echo "### $title"
  echo
  python3 bench/leads-inbox.py "http://127.0.0.1:$port" bench@pirisite.test "$password"
  kill "$site"; wait "$site" 2>/dev/null || true; site=""
done
