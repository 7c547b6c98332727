#!/usr/bin/env bash
# The end-to-end load test: scanners over HTTP -> API -> one silo -> PostgreSQL, all on this machine.
#
# Provisions a throwaway PostgreSQL (build/pg.sh), builds Release, starts one silo and the API in PostgreSQL mode
# with a generated scanner key (only its SHA-256 is configured) and a high rate limit, waits for /health/ready, runs
# the scenarios with tools/Inventory.LoadGenerator, prints the figures and ratios against a baseline measured in the
# same run, and stops everything it started (silo and API by PID, PostgreSQL with pg_ctl).
#
#   build/load.sh [--seconds 20] [--warmup 5] [--settle 60]
#
# Before any scenario, --settle seconds of unmeasured mixed traffic (single posts, then batches) bring the freshly
# started silo and API to steady state: for their first minute or so under load the JIT (re)compiles thousands of
# methods on the same two cores (measured in the write-side benchmark: 0.5-0.8 cores); a silo runs for days.
#
# Scenarios: baseline GET /health/live (closed loop, 64 scanners; and open loop at 1,000/s), (a) closed loop
# 256 scanners posting single movements, (b) closed loop 16 scanners posting batches of 50, (c) open loop at
# 1,000 movements/s single posts. Per scenario it also prints the CPU each process used (cores, from /proc).
# LOAD_KEEP_LOGS=1 keeps the work directory (silo/API logs) and prints where it is.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

seconds=20
warmup=5
settle=60
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--warmup N] [--settle N]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/inventory-load.XXXXXX)
chmod 755 "$work"
pids=()
pg_dir=""
cleanup() {
  local rc=$?
  trap '' INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  [[ -z $pg_dir ]] || "$root/build/pg.sh" stop "$pg_dir" || true
  if [[ ${LOAD_KEEP_LOGS:-} == 1 || $rc -ne 0 ]]; then
    echo "load.sh: logs kept in $work" >&2
  else
    rm -rf "$work" || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- PostgreSQL, build ---------------------------------------------------------------------------------------------
"$root/build/pg.sh" install
pg_port=$("$root/build/pg.sh" port 57000 57999)
"$root/build/pg.sh" start "$work/pg" "$pg_port"
pg_dir="$work/pg"
connection="$("$root/build/pg.sh" url "$work/pg" "$pg_port")"

for project in src/Silo/Silo.csproj src/Api/Api.csproj tools/Inventory.LoadGenerator/Inventory.LoadGenerator.csproj; do
  dotnet build "$project" -c Release --nologo -v quiet
done

# --- silo and API --------------------------------------------------------------------------------------------------
offset=$((RANDOM % 500))
silo_port=$((21000 + offset)) gateway_port=$((32000 + offset)) management_port=$((22000 + offset)) api_port=$((5600 + offset))
api_url="http://127.0.0.1:$api_port"
key="load-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
key_sha=$(printf %s "$key" | sha256sum | cut -d' ' -f1)

ConnectionStrings__Inventory=$connection Inventory__SiloPort=$silo_port Inventory__GatewayPort=$gateway_port \
  Inventory__ManagementPort=$management_port dotnet src/Silo/bin/Release/net10.0/Inventory.Silo.dll >"$work/silo.log" 2>&1 &
silo_pid=$!
pids+=("$silo_pid")

ConnectionStrings__Inventory=$connection ASPNETCORE_URLS=$api_url \
  Inventory__Api__Keys__0__Name=load-generator Inventory__Api__Keys__0__Role=scanner Inventory__Api__Keys__0__Sha256=$key_sha \
  Inventory__Api__RateLimit__PermitLimit=1000000 \
  dotnet src/Api/bin/Release/net10.0/Inventory.Api.dll >"$work/api.log" 2>&1 &
api_pid=$!
pids+=("$api_pid")

ready=""
for _ in $(seq 1 120); do
  kill -0 "$silo_pid" 2>/dev/null || { echo "load.sh: the silo exited; its log:" >&2; tail -n 30 "$work/silo.log" >&2; exit 1; }
  kill -0 "$api_pid" 2>/dev/null || { echo "load.sh: the API exited; its log:" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }
  if curl -fsS -m 2 "$api_url/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 0.5
done
[[ -n $ready ]] || { echo "load.sh: $api_url/health/ready not ready after 60 s" >&2; tail -n 20 "$work/api.log" >&2; exit 1; }
echo "load.sh: silo (pid $silo_pid, gateway $gateway_port) and API (pid $api_pid, $api_url) ready on PostgreSQL 127.0.0.1:$pg_port"

# --- scenarios -----------------------------------------------------------------------------------------------------
# CPU ticks of a process; of all PostgreSQL processes (the postmaster's own, its live backends', and those of backends
# that already exited, which the kernel adds to the postmaster's cutime/cstime); of the whole machine (busy, all cores).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local postmaster total pid
  postmaster=$(head -n 1 "$pg_dir/data/postmaster.pid")
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for pid in $(pgrep -P "$postmaster"); do total=$((total + $(ticks "$pid"))); done
  echo "$total"
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
all_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }
hz=$(getconf CLK_TCK)
results="$work/results.txt"
: >"$results"
loadgen="tools/Inventory.LoadGenerator/bin/Release/net10.0/Inventory.LoadGenerator.dll"

scenario() {
  local label=$1; shift
  echo
  local s0 a0 p0 m0 w0 t0 t1
  s0=$(ticks "$silo_pid"); a0=$(ticks "$api_pid"); p0=$(pg_ticks); m0=$(machine_ticks); w0=$(all_ticks); t0=$(date +%s.%N)
  INVENTORY_API_KEY=$key dotnet "$loadgen" --url "$api_url" --seconds "$seconds" --warmup "$warmup" --label "$label" "$@" \
    | tee -a "$results"
  t1=$(date +%s.%N)
  awk -v s="$(( $(ticks "$silo_pid") - s0 ))" -v a="$(( $(ticks "$api_pid") - a0 ))" -v p="$(( $(pg_ticks) - p0 ))" \
      -v m="$(( $(machine_ticks) - m0 ))" -v w="$(( $(all_ticks) - w0 ))" -v n="$(nproc)" -v hz="$hz" -v t="$(echo "$t1 - $t0" | bc)" -v l="$label" \
    'BEGIN { printf "[%s] CPU over the whole scenario (warm-up included, %.0f s), in cores: API %.2f, silo %.2f, PostgreSQL %.2f; whole machine busy %.2f (the rest: load generator, other processes)\n", l, t, a/hz/t, s/hz/t, p/hz/t, n*m/w }' \
    | tee -a "$results"
}

if (( settle > 0 )); then
  echo "load.sh: settling the silo and API with $settle s of unmeasured traffic (single posts, then batches of 50)"
  for shape in "--scanners 64" "--scanners 16 --batch 50"; do
    # shellcheck disable=SC2086 # the shape is two or four words on purpose
    INVENTORY_API_KEY=$key dotnet "$loadgen" --url "$api_url" --seconds $(( (settle + 1) / 2 )) --warmup 0 --label settle $shape >/dev/null
  done
fi

echo "load.sh: machine before the scenarios: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
scenario baseline-live-closed --target live --scanners 64
scenario a-closed-single --scanners 256
scenario b-closed-batch --scanners 16 --batch 50
scenario baseline-live-open --target live --rate 1000
scenario c-open-1000 --rate 1000

# --- summary -------------------------------------------------------------------------------------------------------
field() { grep "^RESULT label=$1 " "$results" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
live=$(field baseline-live-closed requests_per_s)
a=$(field a-closed-single movements_per_s)
b=$(field b-closed-batch movements_per_s)
c99=$(field c-open-1000 p99_ms)
l99=$(field baseline-live-open p99_ms)
ckept=$(field c-open-1000 rate_kept)
best=$(echo "if ($a > $b) $a else $b" | bc -l)
met() { if [[ $(echo "$1" | bc -l) -eq 1 ]]; then echo yes; else echo NO; fi; }
ratio() { echo "scale=3; $1 / $2" | bc -l | awk '{printf "%.2fx", $1}'; }

echo
echo "Inventory end-to-end load test, $(date -u +%Y-%m-%d), $(nproc) cores (load average now $(cut -d' ' -f1-3 /proc/loadavg)); load generator, API, one silo and PostgreSQL on this machine"
echo "| figure | measured | target | met |"
echo "|---|---|---|---|"
printf '| baseline: GET /health/live with the key, 64 scanners | %.0f requests/s (p99 %s ms) | (ceiling of the HTTP stack here) | |\n' "$live" "$(field baseline-live-closed p99_ms)"
printf '| (a) single movements, 256 scanners | %.0f movements/s (p50 %s ms, p99 %s ms); %s of the baseline | | |\n' "$a" "$(field a-closed-single p50_ms)" "$(field a-closed-single p99_ms)" "$(ratio "$a" "$live")"
printf '| (b) batches of 50, 16 scanners | %.0f movements/s (p50 %s ms, p99 %s ms per batch); %s of the baseline | | |\n' "$b" "$(field b-closed-batch p50_ms)" "$(field b-closed-batch p99_ms)" "$(ratio "$b" "$live")"
printf '| best end-to-end movements/s | %.0f | >= 2,500 | %s |\n' "$best" "$(met "$best >= 2500")"
printf '| (c) p99 at 1,000 movements/s, open loop, single posts | %s ms (p50 %s ms; rate kept: %s); baseline /health/live at 1,000/s: p99 %s ms | < 100 ms | %s |\n' \
  "$c99" "$(field c-open-1000 p50_ms)" "$ckept" "$l99" "$(met "$c99 < 100")"
