#!/usr/bin/env bash
# Runs the whole test suite: domain unit tests, web integration tests, and browser tests in real Chromium, on SQLite;
# then the web integration tests again and the browser tests' smoke set (trait Set=Smoke) on a throwaway PostgreSQL
# server, started in a temporary folder on a free loopback port and deleted at the end, with a throwaway Redis beside
# it for the several-instances tests.
# Installs what a fresh machine lacks (Debian's chromium and postgresql, the dotnet-ef tool), then prints CI's
# closing line, summed over every run:
#   N passed, N failed, N skipped
# Usage: ./test.sh [extra dotnet test arguments], e.g. TEST_PROJECTS=Web.Tests ./test.sh --filter "FullyQualifiedName~Leads"
# (a --filter is combined with each run's own filter: the PostgreSQL browser run keeps to the smoke set).
# TEST_PROJECTS chooses the runs: a project's name runs it on both engines (Web.Tests: Web.Tests and Web.Tests.Postgres;
# Browser.Tests: Browser.Tests and Browser.Tests.Postgres), a run's name runs only that one, e.g.
# TEST_PROJECTS="Domain.Tests Web.Tests" ./test.sh (no browser) or TEST_PROJECTS=Web.Tests.Postgres ./test.sh.
# TEST_POSTGRES=0 leaves out the PostgreSQL runs (for a machine without PostgreSQL or the rights to install it).
# Every run must write its results and run at least one test, or the run fails.
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

# The runs, in order: NAME PROJECT ENGINE [FILTER]. Each writes its TRX file to $results_dir/NAME.
all_runs=()
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  all_runs+=("$name $name sqlite")
done
if [ "${TEST_POSTGRES:-1}" != "0" ]; then
  all_runs+=("Web.Tests.Postgres Web.Tests postgres")
  all_runs+=("Browser.Tests.Postgres Browser.Tests postgres Set=Smoke")
fi

runs=()
known=" "
needs_postgres=no
for run in "${all_runs[@]}"; do
  read -r name project engine _ <<<"$run"
  known+="$name $project "
  if [ -z "${TEST_PROJECTS:-}" ] || [[ " $TEST_PROJECTS " == *" $name "* ]] || [[ " $TEST_PROJECTS " == *" $project "* ]]; then
    runs+=("$run")
    if [ "$engine" = postgres ]; then needs_postgres=yes; fi
  fi
done
for wanted in ${TEST_PROJECTS:-}; do
  if [[ "$known" != *" $wanted "* ]]; then
    echo "test.sh: TEST_PROJECTS names \"$wanted\", which is no test project or run here (TEST_POSTGRES=0 leaves out the .Postgres runs)" >&2
    exit 1
  fi
done
if [ ${#runs[@]} -eq 0 ]; then
  echo "test.sh: TEST_PROJECTS=\"$TEST_PROJECTS\" names no project under tests/" >&2
  exit 1
fi

# A --filter given here is combined with a run's own filter, not passed twice (dotnet test would keep only one).
user_filter=""
test_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter)
      if [ $# -lt 2 ]; then echo "test.sh: --filter needs an expression" >&2; exit 2; fi
      user_filter=$2
      shift 2
      ;;
    --filter=*) user_filter=${1#--filter=}; shift ;;
    *) test_args+=("$1"); shift ;;
  esac
done

# Build once, then run each test run with its own results folder, so no TRX file can overwrite another.
status=0
built=yes
dotnet build PiriSite.sln --nologo --verbosity quiet || { status=$?; built=no; }

# The PostgreSQL runs share one throwaway server: fsync off (tests only), no system service, no password, all of it
# in a temporary folder that is deleted on the way out, whatever happens. A throwaway Redis beside it serves the
# several-instances tests (two site processes on one database and one Redis), which run in the PostgreSQL runs.
postgres=""
pg_dir=""
redis=""
redis_dir=""
stop_servers() {
  if [ -n "$pg_dir" ]; then
    scripts/throwaway-postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  if [ -n "$redis_dir" ]; then
    scripts/throwaway-redis.sh stop "$redis_dir" >/dev/null 2>&1 || true
    rm -rf "$redis_dir"
  fi
}
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
trap stop_servers EXIT
trap 'exit 130' INT TERM
if [ $built = yes ] && [ $needs_postgres = yes ]; then
  pg_dir=$(mktemp -d)
  pg_port=$(free_port)
  if ! postgres=$(scripts/throwaway-postgres.sh start "$pg_dir" "$pg_port" --fast); then
    echo "test.sh: the throwaway PostgreSQL did not start, so its runs fail (TEST_POSTGRES=0 runs SQLite alone). Its log:" >&2
    cat "$pg_dir/log" >&2 2>/dev/null || true
    postgres=""
    status=1
  fi
  redis_dir=$(mktemp -d)
  if ! redis=$(scripts/throwaway-redis.sh start "$redis_dir" "$(free_port)"); then
    echo "test.sh: the throwaway Redis did not start, so the several-instances tests fail" >&2
    redis=""
    status=1
  fi
fi

if [ $built = yes ]; then
  for run in "${runs[@]}"; do
    read -r name project engine run_filter <<<"$run"
    filter=$run_filter
    if [ -n "$user_filter" ] && [ -n "$run_filter" ]; then
      filter="($user_filter)&($run_filter)"
    elif [ -n "$user_filter" ]; then
      filter=$user_filter
    fi
    filter_args=()
    if [ -n "$filter" ]; then filter_args=(--filter "$filter"); fi

    # The engine comes from PIRISITE_TEST_POSTGRES alone (tests/Web.Tests/Infrastructure/TestDatabase.cs), so it is
    # unset for the SQLite runs even when the caller's shell has it.
    if [ "$engine" = postgres ]; then
      if [ -z "$postgres" ]; then continue; fi
      engine_env=(env "PIRISITE_TEST_POSTGRES=$postgres" "PIRISITE_TEST_REDIS=$redis")
    else
      engine_env=(env -u PIRISITE_TEST_POSTGRES -u PIRISITE_TEST_REDIS)
    fi

    echo "test.sh: $name (tests/$project on $engine${filter:+, filter $filter})"
    "${engine_env[@]}" dotnet test "tests/$project/$project.csproj" --no-build --nologo \
      --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results_dir/$name" "${filter_args[@]}" "${test_args[@]}" || status=$?
  done
fi

# CI reads one closing line, summed over every run's TRX file. A run that wrote no TRX file, or ran no test at all
# (a filter that matches nothing, a discovery failure, a server that did not start), fails the run: it must not
# vanish from the sum. Each run's own figures are listed first, worded so that CI cannot mistake them for the sum.
run_names=()
for run in "${runs[@]}"; do
  read -r name _ <<<"$run"
  run_names+=("$name")
done
python3 - "$results_dir" "${run_names[@]}" <<'PY' || status=1
import os, sys, xml.etree.ElementTree as ET
results_dir, runs = sys.argv[1], sys.argv[2:]
passed = failed = skipped = 0
problems = []
for name in runs:
    path = os.path.join(results_dir, name, "results.trx")
    if not os.path.isfile(path):
        problems.append(f"{name}: no test results were written ({path} is missing)")
        continue
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    total, executed = int(counters.get("total", 0)), int(counters.get("executed", 0))
    if total == 0:
        problems.append(f"{name}: no tests were discovered or run (a --filter that matches none of its tests? TEST_PROJECTS can name the runs to keep)")
    run_passed = int(counters.get("passed", 0))
    run_failed = sum(int(counters.get(outcome, 0)) for outcome in ("failed", "error", "timeout", "aborted"))
    run_skipped = total - executed
    print(f"test.sh: {name}: passed {run_passed}, failed {run_failed}, skipped {run_skipped}")
    passed, failed, skipped = passed + run_passed, failed + run_failed, skipped + run_skipped
for problem in problems:
    print(f"test.sh: {problem}", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if problems else 0)
PY

exit $status
