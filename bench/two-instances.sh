#!/usr/bin/env bash
# Two instances of the site behind the proxy, as docker-compose.yml runs them, measured with processes (issue 17).
# Not a test: it reports figures, in bench/RESULTS-two-instances.md.
#   1. publishes a Release build of the site (or uses BENCH_SITE_DIR, a published build: bench/run.sh passes its own);
#   2. starts a throwaway PostgreSQL (fsync on, as in bench/run.sh) and a throwaway Redis on loopback;
#   3. starts two site instances on them (web-a seeds the database first, then web-b), as compose configures them:
#      Database__Provider=Postgres, Redis__Configuration, Media__Store=Database, their own Site__InstanceName;
#   4. starts nginx with a loopback copy of deploy/nginx/nginx.conf (deploy/nginx/loopback.py --plain: the same
#      upstreams, headers, traceparent and JSON access log, but plain HTTP: this measures the proxy and the instances,
#      not TLS);
#   5. asks web-a for every page of the sitemap, then web-b for the same pages, and counts web-b's answers served from
#      the output cache (an Age header): only a cache shared through Redis has them, since web-b rendered none of them;
#   6. runs wrk on the article page through the proxy and, for comparison, on one instance directly, interleaved, and
#      counts the responses served from the output cache (bench/wrk/cached-ratio.lua) and which instance answered
#      (the proxy's access log). After the first request per instance both caches, shared or not, serve every one.
# Usage: bench/two-instances.sh [repetitions (default 3)] [seconds per run (default 8)]   (also: bench/run.sh two-instances)
# Settings: TWO_INSTANCES_PORT (the first of three loopback ports: web-a, web-b, the proxy; default 5310),
#           TWO_INSTANCES_POSTGRES_PORT (default 55497), TWO_INSTANCES_REDIS_PORT (default 56397).
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-3}
seconds=${2:-8}

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
chmod 755 "$work" # nginx's workers (another user) read nothing here, but the access log's folder must be reachable
# Their own folders: PostgreSQL runs as the postgres user, who cannot enter $work.
postgres_dir=$(mktemp -d /tmp/pg-bench-two.XXXXXX)
redis_dir=$(mktemp -d /tmp/redis-bench-two.XXXXXX)
pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true
  scripts/throwaway-postgres.sh stop "$postgres_dir"; scripts/throwaway-redis.sh stop "$redis_dir"
  rm -rf "$work" "$postgres_dir" "$redis_dir"
}
trap cleanup EXIT
port=${TWO_INSTANCES_PORT:-5310}
proxy_port=$((port + 2))

site_dir=${BENCH_SITE_DIR:-}
if [ -z "$site_dir" ]; then
  echo "Publishing a Release build..." >&2
  dotnet publish src/Web -c Release --use-current-runtime -o "$work/site" --nologo -v quiet >/dev/null
  site_dir="$work/site"
fi

port_free() { if curl -s -o /dev/null "http://127.0.0.1:$1/"; then echo "Port $1 is in use: set TWO_INSTANCES_PORT" >&2; exit 1; fi; }
for p in "$port" $((port + 1)) "$proxy_port"; do port_free "$p"; done

echo "Starting a throwaway PostgreSQL and Redis..." >&2
postgres=$(scripts/throwaway-postgres.sh start "$postgres_dir" "${TWO_INSTANCES_POSTGRES_PORT:-55497}")
redis=$(scripts/throwaway-redis.sh start "$redis_dir" "${TWO_INSTANCES_REDIS_PORT:-56397}")

# As docker-compose.yml sets them, on loopback; plus bench/run.sh's quiet logs and mail to files. The public address is
# the proxy's: requests reach the instances with its host name (nginx passes Host on). The advertising archive's first
# capture is off: it would render every page at start, and step 5 needs pages no instance has rendered yet.
start_instance() { # name port
  local name=$1 port=$2
  (cd "$site_dir" && exec env ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
    Site__PublicBaseUrl="http://127.0.0.1:$proxy_port" Site__InstanceName="$name" \
    Database__Provider=Postgres ConnectionStrings__Site="$postgres" Redis__Configuration="$redis" Media__Store=Database \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 Mail__PickupDirectory="$work/mail-$name" \
    Advertising__ArchiveSiteOnStart=false \
    dotnet PiriSite.Web.dll --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 300); do
    curl -fs -H "Host: 127.0.0.1:$proxy_port" "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "The $name instance did not start; its log:" >&2; cat "$work/$name.log" >&2; exit 1
}
echo "Starting web-a (it migrates and seeds the database), then web-b..." >&2
start_instance web-a "$port"
start_instance web-b $((port + 1))

python3 deploy/nginx/loopback.py --plain --upstream "127.0.0.1:$port" --upstream "127.0.0.1:$((port + 1))" \
  --http-port "$proxy_port" --access-log "$work/access.log" --pid "$work/nginx.pid" >"$work/nginx.conf"
nginx -c "$work/nginx.conf" -e "$work/nginx-error.log"
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$proxy_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

python3 - "$work" "$proxy_port" "$port" "$repetitions" "$seconds" <<'PYTHON'
import collections, datetime, json, os, platform, re, statistics, subprocess, sys, urllib.parse, urllib.request

work, proxy_port, direct_port, repetitions, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
other_port = int(direct_port) + 1
ARTICLE = "/articles/what-is-the-ice-287g-program"
LUA = os.path.join(os.getcwd(), "bench", "wrk", "cached-ratio.lua")
scenarios = [
    ("proxy", f"Article page through nginx to web-a and web-b", f"http://127.0.0.1:{proxy_port}{ARTICLE}", {}),
    ("direct", f"Article page from web-a directly (no proxy)", f"http://127.0.0.1:{direct_port}{ARTICLE}",
     {"Host": f"127.0.0.1:{proxy_port}"}),
]
access_log = os.path.join(work, "access.log")


def wrk(url, headers, run_seconds):
    command = ["wrk", "-t2", "-c32", f"-d{run_seconds}s", "-s", LUA]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def instances_since(offset):
    """Which instance answered each request the proxy logged after offset (its JSON access log)."""
    counts = collections.Counter()
    with open(access_log) as log:
        log.seek(offset)
        for line in log:
            counts[json.loads(line)["upstream"]] += 1
    return counts


def get(port, path):
    """A GET straight to one instance, with the public host name; returns the body and the Age header."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": f"127.0.0.1:{proxy_port}"})
    with urllib.request.urlopen(request) as response:
        return response.read().decode(), response.headers.get("Age")


# The sitemap index names one sitemap per language (and parts); those name the pages.
index, _ = get(direct_port, "/sitemap.xml")
pages = set()
for sitemap_url in re.findall(r"<loc>([^<]+)</loc>", index):
    sitemap, _ = get(direct_port, urllib.parse.urlsplit(sitemap_url).path)
    pages.update(urllib.parse.urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap))
pages = sorted(pages)
for path in pages:
    get(direct_port, path)
not_shared = [path for path in pages if get(other_port, path)[1] is None]
shared = len(pages) - len(not_shared)
print(f"{shared} of {len(pages)} pages rendered by web-a came to web-b from the shared cache; not: {not_shared}", file=sys.stderr)

print(f"Warming up ({seconds} s each)...", file=sys.stderr)
for _, _, url, headers in scenarios:
    wrk(url, headers, seconds)
results = collections.defaultdict(list)
split = collections.Counter()
for repetition in range(repetitions):
    for key, label, url, headers in scenarios:
        offset = os.path.getsize(access_log)
        result = wrk(url, headers, seconds)
        result["rps"] = result["requests"] * 1e6 / result["duration_us"]
        result["cached_ratio"] = result["cached"] / max(result["counted"], 1)
        if key == "proxy":
            split.update(instances_since(offset))
        results[key].append(result)
        print(f"  {repetition + 1}/{repetitions} {label}: {result['rps']:,.0f} req/s, "
              f"{result['cached_ratio']:.1%} from the cache", file=sys.stderr)

rows = []
for key, label, _, _ in scenarios:
    runs = results[key]
    median = lambda field: statistics.median(r[field] for r in runs)
    rows.append(f"| {label} | {median('rps'):,.0f} | {median('p50_us') / 1000:.2f} | {median('p99_us') / 1000:.2f} | "
                f"{sum(r['cached'] for r in runs) / max(sum(r['counted'] for r in runs), 1):.1%} | "
                f"{sum(r['non_2xx'] + r['socket_errors'] for r in runs)} |")
total = sum(split.values())
shares = ", ".join(f"{upstream} {count / total:.1%}" for upstream, count in sorted(split.items())) if total else "none logged"
load = os.getloadavg()
report = f"""# Two instances behind the proxy

Made by `bench/two-instances.sh` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC: two instances of the
site (a Release build, Production settings) on one throwaway PostgreSQL (fsync on) and one throwaway Redis, behind nginx
with a loopback copy of `deploy/nginx/nginx.conf` (plain HTTP: the proxy and the instances are measured, not TLS),
as `docker-compose.yml` runs them. Every figure is the median of {repetitions} interleaved repetitions of {seconds} s
each (after a warm-up of each scenario), with `wrk -t2 -c32` on the same {os.cpu_count()}-core machine
({platform.system()} {platform.release()}), load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end.

**The shared cache: {shared} of {len(pages)} pages** (every page of the sitemap, in every language) that web-a rendered,
stored and served were served to the next visitor by web-b from the output cache, without rendering them again
({shared / max(len(pages), 1):.0%}). web-b had rendered none of them, so only a cache both instances share (ASP.NET Core's
output cache with its store in Redis, on when `Redis:Configuration` is set) serves them; each instance's own
in-memory cache serves none. Not from the cache: {", ".join(f"`{p}`" for p in not_shared) or "none"} (the consultation
pages are never cached, by either instance: each carries its visitor's own antiforgery token). ASP.NET Core's output cache adds an `Age` header to every response it serves from a
stored entry; a page rendered for the request has none: that is what is counted.

| Scenario | Requests/s | p50 ms | p99 ms | From the output cache | Errors |
|---|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

"From the output cache" is the fraction of all responses of that row's runs, warm-up excluded, that carried an `Age`
header: once each instance has served the page, shared cache or not, every response is one. Requests through the
proxy went to: {shares} (nginx's access log, `upstream`). wrk counts the headers in Lua (`bench/wrk/cached-ratio.lua`), which costs it some
speed in both rows alike. The two instances, nginx, PostgreSQL, Redis and wrk share the machine's cores: compare the
rows with each other, not with a dedicated server.
"""
open(os.path.join("bench", "RESULTS-two-instances.md"), "w").write(report)
print(report)
PYTHON
