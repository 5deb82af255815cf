#!/usr/bin/env bash
# Runs the whole test suite: domain unit tests, web integration tests, and browser tests in real Chromium.
# Installs what a fresh machine lacks (Debian's chromium, the dotnet-ef tool), then prints CI's closing line:
#   N passed, N failed, N skipped
# Usage: ./test.sh [extra dotnet test arguments], e.g. TEST_PROJECTS=Web.Tests ./test.sh --filter "FullyQualifiedName~Leads"
# TEST_PROJECTS chooses the projects to run, e.g. TEST_PROJECTS="Domain.Tests Web.Tests" ./test.sh (no browser);
# every project that runs must run at least one test, or the run fails.
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

# The Nu HTML checker (npm vnu-jar, run on Java 17) for the HTML checker tests, kept in the ignored artifacts/
# folder between runs; the tests find it there (or at VNU_JAR).
vnu_version=26.9.27
vnu_dir=artifacts/vnu
installed=$(node -p "require('./$vnu_dir/node_modules/vnu-jar/package.json').version" 2>/dev/null || true)
if [ -z "${VNU_JAR:-}" ] && [ "$installed" != "$vnu_version" ]; then
  missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} for the HTML checker..."
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  mkdir -p "$vnu_dir"
  # --ignore-scripts: the package's install script only downloads a Java runtime, and Debian's is used instead.
  npm install --prefix "$vnu_dir" --no-audit --no-fund --ignore-scripts --loglevel=error "vnu-jar@$vnu_version" >/dev/null
fi

results_dir="TestResults"
rm -rf "$results_dir"

projects=()
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  if [ -z "${TEST_PROJECTS:-}" ] || [[ " $TEST_PROJECTS " == *" $name "* ]]; then
    projects+=("$name")
  fi
done
if [ ${#projects[@]} -eq 0 ]; then
  echo "test.sh: TEST_PROJECTS=\"$TEST_PROJECTS\" names no project under tests/" >&2
  exit 1
fi

# Build once, then run each test project with its own results folder, so no TRX file can overwrite another.
status=0
dotnet build PiriSite.sln --nologo --verbosity quiet || status=$?
if [ $status -eq 0 ]; then
  for name in "${projects[@]}"; do
    project="tests/$name/$name.csproj"
    dotnet test "$project" --no-build --nologo \
      --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results_dir/$name" "$@" || status=$?
  done
fi

# CI reads one closing line, summed over every project's TRX file. A project that wrote no TRX file, or ran no
# test at all (a filter that matches nothing, a discovery failure), fails the run: it must not vanish from the sum.
python3 - "$results_dir" "${projects[@]}" <<'PY' || status=1
import os, sys, xml.etree.ElementTree as ET
results_dir, projects = sys.argv[1], sys.argv[2:]
passed = failed = skipped = 0
problems = []
for name in projects:
    path = os.path.join(results_dir, name, "results.trx")
    if not os.path.isfile(path):
        problems.append(f"{name}: no test results were written ({path} is missing)")
        continue
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    total, executed = int(counters.get("total", 0)), int(counters.get("executed", 0))
    if total == 0:
        problems.append(f"{name}: no tests were discovered or run")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += total - executed
for problem in problems:
    print(f"test.sh: {problem}", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if problems else 0)
PY

exit $status
