#!/usr/bin/env bash
# Runs the whole test suite: domain unit tests, web integration tests, and browser tests in real Chromium.
# Installs what a fresh machine lacks (Debian's chromium, the dotnet-ef tool), then prints CI's closing line:
#   N passed, N failed, N skipped
# Usage: ./test.sh [extra dotnet test arguments], e.g. ./test.sh --filter "Category!=Browser"
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

dotnet tool restore >/dev/null

results_dir="TestResults"
rm -rf "$results_dir"

# Build once, then run each test project with its own results folder, so no TRX file can overwrite another.
status=0
dotnet build PiriSite.sln --nologo --verbosity quiet || status=$?
if [ $status -eq 0 ]; then
  for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --nologo \
      --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results_dir/$name" "$@" || status=$?
  done
fi

# CI reads one closing line, summed over every project's TRX file.
python3 - "$results_dir" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
files = glob.glob(f"{sys.argv[1]}/*/*.trx")
for path in files:
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    total, executed = int(counters.get("total", 0)), int(counters.get("executed", 0))
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += total - executed
if not files:
    print("no test results were written", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY

exit $status
