#!/usr/bin/env bash
# Benchmark of the leads inbox with 100,000 consultation requests (issue 5's speed target: under 100 ms).
# Builds Release, creates a fresh database with an Attorney account, seeds it with bench/seed-leads.sql,
# starts the site on 127.0.0.1, and times each inbox view with bench/leads-inbox.py. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

work=$(mktemp -d)
port=${PORT:-5199}
password="benchmark passphrase $(date +%s)"
export ConnectionStrings__Site="Data Source=$work/site.db"
export Site__DataProtectionKeysPath="$work/keys"
export Mail__PickupDirectory="$work/mail"
export Serilog__MinimumLevel__Default=Warning
export Security__SignInRateLimit__PermitLimit=1000
export ASPNETCORE_ENVIRONMENT=Production
export Site__PublicBaseUrl="http://127.0.0.1:$port"

dotnet build src/Web -c Release --nologo -v quiet >/dev/null
app=src/Web/bin/Release/net10.0/PiriSite.Web.dll
echo "$password" | dotnet "$app" create-admin --email bench@pirisite.test --name "Benchmark" >/dev/null
start=$(date +%s.%N)
sqlite3 "$work/site.db" < bench/seed-leads.sql
# A database that has lived has planner statistics (the site runs PRAGMA optimize at every start).
sqlite3 "$work/site.db" "PRAGMA optimize=0x10002;"
echo "Seeded $(sqlite3 "$work/site.db" 'SELECT COUNT(*) FROM ConsultationRequests') requests in $(echo "$(date +%s.%N) - $start" | bc 2>/dev/null || echo '?') s" >&2

dotnet "$app" --urls "http://127.0.0.1:$port" >"$work/site.log" 2>&1 &
site=$!
trap 'kill $site 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -m), .NET $(dotnet --version), SQLite $(sqlite3 --version | cut -d' ' -f1)" >&2
python3 bench/leads-inbox.py "http://127.0.0.1:$port" bench@pirisite.test "$password"
