#!/usr/bin/env bash
# The benchmark (tools/Inventory.Benchmark) on a throwaway PostgreSQL (build/pg.sh), unless INVENTORY_BENCH_POSTGRES is
# set. Prints one results table, each figure against a baseline measured in the same run; asserts nothing.
#
#   build/bench.sh [options]              the write side: grains vs a plain Npgsql baseline (4-5 minutes)
#   build/bench.sh --read-side [options]  the read side's SLA: freshness, the bound after a SIGKILLed silo; the database server's
#                                         CPU per movement by catch-up setting (5-6 min; --only freshness|crash|catch-up-cost)
#   build/bench.sh --ledger [options]     the ledger at scale: 1,000,000 events seeded; the audit, the views' build and rebuild
#   build/bench.sh --tracing [options]    movements/s with tracing off and on, alternating rounds (about 2 min)
#   build/bench.sh --as-of [options]      stock as of an instant: a 100,000-SKU warehouse's export, a page, a SKU (2-4 min)
#   build/bench.sh --scale [options]      flat as the ledger grows: empty vs 10,000,000 events; --events 1000000 --base-events
#                                         100000 for a quick run
#   build/bench.sh [--read-side|--ledger|--tracing] --help  the options (--seconds, --items, --rounds, --only crash, ...)
#
# --diagnose prints each phase's details as well, and at the end the server's checkpoints and autovacuum runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --read-side, --ledger, --tracing, --as-of and --scale select the benchmark's commands of those names; everything else goes to the
# benchmark, which refuses what it does not know.
command=()
args=()
diagnose=""
help=""
for arg in "$@"; do
  case $arg in
    --read-side) command=(read-side) ;;
    --ledger) command=(ledger) ;;
    --tracing) command=(tracing) ;;
    --as-of) command=(as-of) ;;
    --scale) command=(scale) ;;
    --diagnose) diagnose=1; args+=("$arg") ;;
    -h | --help | -\?) help=1; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

# Quiet on success; on failure, the build's own output.
log=$(mktemp)
dotnet build -c Release -v q -nologo tools/Inventory.Benchmark/Inventory.Benchmark.csproj >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
rm -f "$log"
bench() { dotnet tools/Inventory.Benchmark/bin/Release/net10.0/Inventory.Benchmark.dll "${command[@]}" "${args[@]}"; }
if [[ -n $help || -n ${INVENTORY_BENCH_POSTGRES:-} ]]; then
  bench
  exit
fi

work=$(mktemp -d /tmp/inventory-bench.XXXXXX)
chmod 755 "$work"
pg_dir=""
cleanup() {
  local rc=$?
  if [[ -n $pg_dir ]]; then
    if [[ -n $diagnose ]]; then
      echo "database server log: checkpoints and autovacuum (UTC)"
      { if [[ -r $pg_dir/server.log ]]; then cat "$pg_dir/server.log"; else sudo -n cat "$pg_dir/server.log"; fi; } 2>/dev/null \
        | grep -E "checkpoint (starting|complete)|automatic (vacuum|analyze)" | cut -c1-240 || true
    fi
    "$root/build/pg.sh" stop "$pg_dir" || true
  fi
  rm -rf "$work" || true
  exit "$rc"
}
trap cleanup EXIT

"$root/build/pg.sh" install
port=$("$root/build/pg.sh" port 57000 57999)
# A server that has run for a while has WAL segments to recycle; a new one zero-fills a segment every few seconds
# under load, holding every commit meanwhile. min_wal_size and warm-wal give the new server what an old one has.
INVENTORY_PG_SERVER_OPTIONS="-c log_autovacuum_min_duration=0 -c min_wal_size=1GB" "$root/build/pg.sh" start "$work/pg" "$port"
pg_dir="$work/pg"
"$root/build/pg.sh" warm-wal "$port" 1024
INVENTORY_BENCH_POSTGRES="$("$root/build/pg.sh" url "$work/pg" "$port")"
export INVENTORY_BENCH_POSTGRES
bench
