#!/usr/bin/env bash
# The write-side benchmark (tools/Inventory.Benchmark): plain Npgsql baseline vs stock item grains, in one run,
# on a throwaway PostgreSQL (build/pg.sh) unless INVENTORY_BENCH_POSTGRES is set. Prints figures, asserts nothing.
# Extra arguments go to the benchmark: --seconds N (per phase, default 10), --items N, --skew S, --memory-items N,
# --warm-up N (at most N seconds until the JIT settles, default 120: its rounds, closed and open loops, take 8 s and it settled in 77-85 s), --rounds N (alternating 64-caller rounds, default 3),
# --open-rate N (the open loop at N/s instead of half the 64-caller rate: to compare builds or settings at one rate),
# --projections live|idle (default live: the read side takes every movement, as in production; idle: the write path
# alone, no live stream and no catch-up during a measurement).
# --checkpoint-in-phase (a CHECKPOINT issued as the grains' measured open loop begins: the case of a checkpoint under way,
# on purpose instead of by chance; the p99 row says so).
# --allocations (diagnostics: the open loop's allocations by type, sampled by the runtime; costs a little).
# --cpu-by-process (diagnostics: the open loop's slow-answer episodes also name the other processes that kept the
# cores busy; reading /proc for every process 20 times a second costs this process about 20 MB/s of allocation).
#
#   build/bench.sh --read-side [--rate 500] [--seconds 20] [--only freshness|crash] ...
# runs the read-side consistency SLA instead (views' freshness at a steady rate, then the bound after a SIGKILLed
# silo); it builds src/Silo first, whose processes it starts on loopback. About 2-3 minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d /tmp/inventory-bench.XXXXXX)
chmod 755 "$work"
pg_dir=""
cleanup() {
  local rc=$?
  if [[ -n $pg_dir ]]; then
    # The server's background work, to set against the phases' wall-clock starts printed above.
    echo "database server log: checkpoints and autovacuum (UTC)"
    { if [[ -r $pg_dir/server.log ]]; then cat "$pg_dir/server.log"; else sudo -n cat "$pg_dir/server.log"; fi; } 2>/dev/null \
      | grep -E "checkpoint (starting|complete)|automatic (vacuum|analyze)" | cut -c1-240 || true
    "$root/build/pg.sh" stop "$pg_dir" || true
  fi
  rm -rf "$work" || true
  exit "$rc"
}
trap cleanup EXIT

if [[ -z ${INVENTORY_BENCH_POSTGRES:-} ]]; then
  "$root/build/pg.sh" install
  port=$("$root/build/pg.sh" port 57000 57999)
  # Every autovacuum run is logged (printed at the end). min_wal_size and warm-wal give the new server what one that
  # has run for a while has: WAL segments to recycle, so that no commit waits for a new segment to be zero-filled.
  # track_wal_io_timing lets the benchmark print how long the server's WAL flushes took in its open loop.
  INVENTORY_PG_SERVER_OPTIONS="-c log_autovacuum_min_duration=0 -c min_wal_size=1GB -c track_wal_io_timing=on" "$root/build/pg.sh" start "$work/pg" "$port"
  pg_dir="$work/pg"
  "$root/build/pg.sh" warm-wal "$port" 1024
  INVENTORY_BENCH_POSTGRES="$("$root/build/pg.sh" url "$work/pg" "$port")"
  export INVENTORY_BENCH_POSTGRES
fi

for arg in "$@"; do
  if [[ $arg == --read-side ]]; then
    dotnet build -c Release -v q -nologo src/Silo/Silo.csproj
  fi
done

dotnet run -c Release --project tools/Inventory.Benchmark -- "$@"
