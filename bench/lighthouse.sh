#!/usr/bin/env bash
# Lighthouse (npm, version 12 for Node 20) on Debian's Chromium, mobile settings (Lighthouse's default: a
# throttled mid-range phone on a slow 4G network), on the home page, a practice area and the article.
# Reports the four category scores and writes bench/RESULTS-lighthouse.md. Not a test: it reports figures.
# Usage: bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

tools=bench/.lighthouse
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error lighthouse@12 >/dev/null
fi

work=$(mktemp -d)
port=${PORT:-5310}
cleanup() { [ -n "${site:-}" ] && kill "$site" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish src/Web -c Release --use-current-runtime -o "$work/site" --nologo -v quiet >/dev/null
(cd "$work/site" && exec env ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="http://127.0.0.1:$port" ConnectionStrings__Site="Data Source=$work/site.db" \
  Site__DataProtectionKeysPath="$work/keys" Mail__PickupDirectory="$work/mail" Serilog__MinimumLevel__Default=Warning \
  dotnet PiriSite.Web.dll --urls "http://127.0.0.1:$port" >"$work/site.log" 2>&1) &
site=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

export CHROME_PATH=/usr/bin/chromium
pages=("/" "/practice-areas/asylum" "/articles/what-is-the-ice-287g-program")
for path in "${pages[@]}"; do
  name=$(echo "$path" | tr '/' '_')
  curl -fs "http://127.0.0.1:$port$path" >/dev/null # the first visit fills the page cache, as on a live site
  "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$path" --quiet --output=json --output-path="$work/report$name.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    >/dev/null 2>"$work/lighthouse$name.log" || { cat "$work/lighthouse$name.log" >&2; exit 1; }
done

python3 - "$work" "${pages[@]}" <<'PY'
import json, sys, time, subprocess
work, pages = sys.argv[1], sys.argv[2:]
categories = ["performance", "accessibility", "best-practices", "seo"]
version = None
rows, failing = [], []
for path in pages:
    report = json.load(open(f"{work}/report{path.replace('/', '_')}.json"))
    version = report["lighthouseVersion"]
    scores = {c: round(report["categories"][c]["score"] * 100) for c in categories}
    metrics = report["audits"]
    rows.append(f"| `{path}` | " + " | ".join(str(scores[c]) for c in categories)
                + f" | {metrics['first-contentful-paint']['displayValue']} | {metrics['largest-contentful-paint']['displayValue']}"
                + f" | {metrics['total-blocking-time']['displayValue']} | {metrics['cumulative-layout-shift']['displayValue']} |")
    for c in categories:
        for audit_ref in report["categories"][c]["auditRefs"]:
            audit = metrics[audit_ref["id"]]
            if audit_ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"- `{path}` {c}: {audit['title']} ({round(audit['score'] * 100)})")
chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
lines = [
    "# Lighthouse",
    "",
    f"Made by `bench/lighthouse.sh` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: Lighthouse {version}, "
    f"{chromium}, mobile settings (emulated mid-range phone, simulated slow 4G, 4× CPU slow-down), Release build on "
    "127.0.0.1. Targets: at least 95 in each category, 100 for accessibility and SEO.",
    "",
    "| Page | Performance | Accessibility | Best practices | SEO | First contentful paint | Largest contentful paint | Total blocking time | Layout shift |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    *rows,
    "",
    "Audits that did not score full marks:" if failing else "Every weighted audit scored full marks.",
    *failing,
    "",
]
open("bench/RESULTS-lighthouse.md", "w").write("\n".join(lines))
print("\n".join(lines))
PY
