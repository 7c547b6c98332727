#!/usr/bin/env bash
# THE test command: builds the solution and runs every test project (dotnet test Inventory.sln), the PostgreSQL
# integration tests included. Extra arguments go to dotnet test (e.g. --filter ...).
#
# With INVENTORY_TEST_POSTGRES set (an Npgsql connection string of a PostgreSQL 15+ server on which the tests may
# create databases) the tests use that server. Otherwise this script provisions a throwaway PostgreSQL with
# build/pg.sh (installing Debian's package if needed) on a free loopback port, and always stops and removes it.
# The dashboard's browser test (tests/Inventory.Dashboard.BrowserTests) drives Debian's headless Chromium: this script
# installs the `chromium` package when it is missing (about 2 minutes, 155 MB, on the 2-core machines; measured
# 2026-11-27). If it cannot be installed, that test fails; it is never skipped.
# Exits with dotnet test's exit code; the last line sums up the tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started=$(date +%s)
work=$(mktemp -d /tmp/inventory-test.XXXXXX)
chmod 755 "$work" # the postgres user must reach the data directory inside it
pg_dir=""

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

cleanup() {
  local rc=$?
  if [[ -n $pg_dir ]]; then
    "$root/build/pg.sh" stop "$pg_dir" || true
    pg_dir=""
  fi
  as_root rm -rf "$work" || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ -n ${INVENTORY_TEST_POSTGRES:-} ]]; then
  pg_note="PostgreSQL from INVENTORY_TEST_POSTGRES"
else
  "$root/build/pg.sh" install
  # A free port in 56000-56999 (start somewhere random so parallel runs rarely collide); retry on a lost race.
  port=$((56000 + RANDOM % 1000))
  for attempt in 1 2 3 4 5; do
    while port_in_use "$port"; do port=$((56000 + (port - 56000 + 1) % 1000)); done
    if "$root/build/pg.sh" start "$work/pg" "$port"; then
      pg_dir="$work/pg"
      break
    fi
    "$root/build/pg.sh" stop "$work/pg" || true
    [[ $attempt -lt 5 ]] || { echo "test.sh: could not start PostgreSQL" >&2; exit 1; }
    port=$((56000 + (port - 56000 + 1) % 1000))
  done
  export INVENTORY_TEST_POSTGRES
  INVENTORY_TEST_POSTGRES=$("$root/build/pg.sh" url "$work/pg" "$port")
  pg_note="throwaway PostgreSQL on 127.0.0.1:$port"
fi

# Debian's Chromium for the dashboard's browser test (INVENTORY_CHROMIUM may name another executable).
if [[ -z ${INVENTORY_CHROMIUM:-} && ! -x /usr/lib/chromium/chromium ]]; then
  echo "test.sh: installing Chromium (Debian package 'chromium') for the dashboard browser test"
  chromium_started=$(date +%s)
  if as_root apt-get -o DPkg::Lock::Timeout=300 update -qq \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null; then
    echo "test.sh: Chromium installed in $(($(date +%s) - chromium_started)) s"
  else
    echo "test.sh: could not install Chromium: the dashboard browser test will fail" >&2
  fi
fi

# npm fetches the dashboard's charting library on the first build (src/Api/Dashboard/ChartJs.targets).
if ! command -v npm >/dev/null; then
  echo "test.sh: installing npm (Debian package 'npm') for the first build's vendoring of Chart.js"
  as_root apt-get -o DPkg::Lock::Timeout=300 update -qq \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq npm >/dev/null \
    || echo "test.sh: could not install npm: the build will fail unless src/Api/obj/vendor already holds Chart.js" >&2
fi

echo "test.sh: dotnet test Inventory.sln ($pg_note)"
set +e
dotnet test Inventory.sln --nologo --logger trx --results-directory "$work/results" "$@"
rc=$?
set -e

# Stop PostgreSQL now (the EXIT trap would too) so that the summary is the last thing printed.
if [[ -n $pg_dir ]]; then
  "$root/build/pg.sh" stop "$pg_dir" || true
  pg_dir=""
fi

# Sum the test results of every test assembly that ran (one TRX file each; VSTest never overwrites one).
passed=0 failed=0 skipped=0 assemblies=0
shopt -s nullglob
for trx in "$work"/results/*.trx; do
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1 || true)
  count() { local n; n=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"); echo "${n:-0}"; }
  if [[ $(count total) -gt 0 ]]; then assemblies=$((assemblies + 1)); fi
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done

elapsed=$(($(date +%s) - started))
if [[ $rc -eq 0 ]]; then verdict="OK"; else verdict="FAILED (dotnet test exit code $rc)"; fi
echo "test.sh: $verdict in ${elapsed} s; $assemblies test assemblies ran tests; $pg_note"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
