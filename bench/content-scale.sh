#!/usr/bin/env bash
# Content at scale (issue 18): the site with N published articles in English, Spanish and French, for N = 100, 1,000
# and 10,000. Not a test: it reports figures, in bench/RESULTS-content-scale.md.
#   1. publishes a Release build of the site (or uses BENCH_SITE_DIR, a published build);
#   2. seeds a database by starting the site once on an empty SQLite file (it migrates, seeds and archives its pages),
#      with a staff account made by create-admin, then stops it;
#   3. bench/content-scale.py, for each N: copies that database, bulk-inserts N articles (one transaction), starts the
#      site on the copy and reports start-up time, resident memory after start-up and after visiting up to 2,000
#      different article pages, the article indexes' size and time (first render and cached), and the time from a save
#      in the staff editor to the public page showing it.
# Usage: bench/content-scale.sh [sizes (default "100 1000 10000")]   (also: bench/run.sh content-scale [sizes])
# Settings: CONTENT_SCALE_PORT (the site's loopback port, default 5400), CONTENT_SCALE_VISITS (article pages visited,
#           default 2000), CONTENT_SCALE_CACHE_MB (passed to the site as OutputCache__SizeLimitMB, default 32).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-100 1000 10000}
port=${CONTENT_SCALE_PORT:-5400}
visits=${CONTENT_SCALE_VISITS:-2000}
cache_mb=${CONTENT_SCALE_CACHE_MB:-32}

work=$(mktemp -d)
seed_pid=""
cleanup() {
  [ -n "$seed_pid" ] && kill "$seed_pid" 2>/dev/null || true
  # The site of the N being measured, started by content-scale.py (it stops it itself unless interrupted).
  [ -f "$work/site.pid" ] && kill "$(cat "$work/site.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "Port $port is in use: set CONTENT_SCALE_PORT" >&2; exit 1; fi

site_dir=${BENCH_SITE_DIR:-}
if [ -z "$site_dir" ]; then
  echo "Publishing a Release build..." >&2
  dotnet publish src/Web -c Release --use-current-runtime -o "$work/site" --nologo -v quiet >/dev/null
  site_dir="$work/site"
fi
site_dir=$(cd "$site_dir" && pwd)

# What every start shares: production settings, quiet logs, mail to files, the page cache's limit.
export ASPNETCORE_ENVIRONMENT=Production
export Serilog__MinimumLevel__Default=Warning
export Mail__PickupDirectory="$work/mail"
export OutputCache__SizeLimitMB="$cache_mb"
export Site__PublicBaseUrl="http://127.0.0.1:$port"

echo "Seeding a database..." >&2
seed_db="$work/seed.db"
email=bench@pirisite.test
password="content scale passphrase $(date +%s)"
# create-admin migrates the database first, as the site does at start.
(cd "$site_dir" && echo "$password" | ConnectionStrings__Site="Data Source=$seed_db" \
  dotnet PiriSite.Web.dll create-admin --email "$email" --name "Benchmark" >/dev/null)
(cd "$site_dir" && exec env ConnectionStrings__Site="Data Source=$seed_db" \
  dotnet PiriSite.Web.dll --urls "http://127.0.0.1:$port" >"$work/seed.log" 2>&1) &
seed_pid=$!
started=""
for _ in $(seq 1 300); do
  if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then started=yes; break; fi
  sleep 0.2
done
[ -n "$started" ] || { echo "The site did not start; its log:" >&2; cat "$work/seed.log" >&2; exit 1; }
# The advertising archive captures every public page once, at the first start: let it finish here, so that no
# measured start does it (the articles inserted later are not queued: they were never published through the site).
python3 - "$seed_db" <<'PYTHON'
import sqlite3, sys, time
for _ in range(600):
    db = sqlite3.connect(sys.argv[1])
    try:
        pending = db.execute("SELECT COUNT(*) FROM AdvertisingSnapshots WHERE CapturedAt IS NULL").fetchone()[0]
        started = db.execute("SELECT COUNT(*) FROM AdvertisingSnapshots").fetchone()[0]
    except sqlite3.OperationalError:
        pending, started = 1, 0
    finally:
        db.close()
    if started and not pending:
        sys.exit(0)
    time.sleep(0.2)
sys.exit("The advertising archive's first capture did not finish in 2 minutes")
PYTHON
kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true; seed_pid=""

revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes')"
python3 bench/content-scale.py --site-dir "$site_dir" --work "$work" --seed-db "$seed_db" --port "$port" \
  --email "$email" --password "$password" --sizes "$sizes" --visits "$visits" --cache-mb "$cache_mb" \
  --revision "$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?') $revision" \
  --output bench/RESULTS-content-scale.md --summary bench/RESULTS.md
