#!/usr/bin/env bash
# The end-to-end load test: scanners over HTTP -> API -> one silo -> PostgreSQL, all on this machine.
#
#   build/load.sh [--seconds 20] [--warmup 5] [--settle 60] [--diagnose]
#
# Provisions a throwaway PostgreSQL (build/pg.sh), builds Release, starts one silo and the API in PostgreSQL mode with a
# generated scanner key (only its SHA-256 is configured) and a high rate limit, settles them with --settle seconds of
# unmeasured traffic (a fresh silo's JIT takes a large share of the cores in its first minute), runs the scenarios with
# tools/Inventory.LoadGenerator and prints one results table, each figure against a baseline measured in the same run.
# It stops everything it started. --diagnose also prints each scenario's own report and the CPU each process used;
# LOAD_KEEP_LOGS=1 keeps the work directory (silo and API logs).
#
# Scenarios, --warmup + --seconds each: the baseline GET /health/live with the key (the HTTP stack's own ceiling: closed
# loop of 64, open loop at 1,000/s); (a) 256 scanners posting single movements; (b) 16 scanners posting batches of 50;
# (c) an open loop at 1,000 movements/s, single posts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

usage() { echo "usage: $0 [--seconds N] [--warmup N] [--settle N] [--diagnose]"; }
whole() { [[ $2 =~ ^[0-9]+$ ]] || { echo "load.sh: $1 takes a whole number of seconds, not '$2'" >&2; usage >&2; exit 2; }; }
seconds=20
warmup=5
settle=60
diagnose=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds | --warmup | --settle)
      [[ $# -ge 2 ]] || { usage >&2; exit 2; }
      whole "$1" "$2"
      case $1 in --seconds) seconds=$2 ;; --warmup) warmup=$2 ;; --settle) settle=$2 ;; esac
      shift 2 ;;
    --diagnose) diagnose=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "load.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
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
  dotnet build "$project" -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
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
echo "load.sh: silo (pid $silo_pid, gateway $gateway_port) and API (pid $api_pid, $api_url) ready on PostgreSQL 127.0.0.1:$pg_port" >&2

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
# field LABEL KEY: KEY's value on the RESULT or CPU line of scenario LABEL.
field() { grep -E "^(RESULT|CPU) label=$1 " "$results" | tr ' ' '\n' | grep "^$2=" | head -n 1 | cut -d= -f2; }
calc() { awk "BEGIN { print ($1) }"; }
met() { if [[ $(calc "($1) ? 1 : 0") == 1 ]]; then echo yes; else echo NO; fi; }
num() { printf "%.0f" "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
ms() { if [[ $(calc "$1 < 100 ? 1 : 0") == 1 ]]; then printf "%.1f ms" "$1"; else echo "$(num "$1") ms"; fi; }
ratio() { calc "$1 / $2" | awk '{ printf "%.2fx", $1 }'; }

# One scenario: the load generator's report goes to the results file (and, with --diagnose, to the screen), followed by
# a CPU line: cores used by the API, the silo and PostgreSQL over the scenario (warm-up included), and the machine's.
scenario() {
  local label=$1; shift
  local s0 a0 p0 m0 w0 t0 t1
  s0=$(ticks "$silo_pid"); a0=$(ticks "$api_pid"); p0=$(pg_ticks); m0=$(machine_ticks); w0=$(all_ticks); t0=$(date +%s.%N)
  INVENTORY_API_KEY=$key dotnet "$loadgen" --url "$api_url" --seconds "$seconds" --warmup "$warmup" --label "$label" "$@" >"$work/$label.txt"
  t1=$(date +%s.%N)
  awk -v s="$(( $(ticks "$silo_pid") - s0 ))" -v a="$(( $(ticks "$api_pid") - a0 ))" -v p="$(( $(pg_ticks) - p0 ))" \
      -v m="$(( $(machine_ticks) - m0 ))" -v w="$(( $(all_ticks) - w0 ))" -v n="$(nproc)" -v hz="$hz" -v t0="$t0" -v t1="$t1" -v l="$label" \
    'BEGIN { t = t1 - t0; printf "CPU label=%s api=%.2f silo=%.2f pg=%.2f machine=%.2f seconds=%.0f\n", l, a/hz/t, s/hz/t, p/hz/t, n*m/w, t }' \
    >>"$work/$label.txt"
  cat "$work/$label.txt" >>"$results"
  [[ -z $diagnose ]] || { cat "$work/$label.txt"; echo; }
  echo "load.sh: $label: $(num "$(field "$label" requests_per_s)") requests/s, p99 $(ms "$(field "$label" p99_ms)")" >&2
}

if (( settle > 0 )); then
  echo "load.sh: settling the silo and API with $settle s of unmeasured traffic (single posts, then batches of 50)" >&2
  for shape in "--scanners 64" "--scanners 16 --batch 50"; do
    # shellcheck disable=SC2086 # the shape is two or four words on purpose
    INVENTORY_API_KEY=$key dotnet "$loadgen" --url "$api_url" --seconds $(( (settle + 1) / 2 )) --warmup 0 --label settle $shape >/dev/null
  done
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
scenario baseline-live-closed --target live --scanners 64
scenario a-closed-single --scanners 256
scenario b-closed-batch --scanners 16 --batch 50
scenario baseline-live-open --target live --rate 1000
scenario c-open-1000 --rate 1000

# --- results -------------------------------------------------------------------------------------------------------
live=$(field baseline-live-closed requests_per_s)
a=$(field a-closed-single movements_per_s)
b=$(field b-closed-batch movements_per_s)
best=$(calc "$a > $b ? $a : $b")
c99=$(field c-open-1000 p99_ms)
l99=$(field baseline-live-open p99_ms)
failed=0
for label in a-closed-single b-closed-batch c-open-1000; do
  failed=$((failed + $(field "$label" s5xx) + $(field "$label" unanswered)))
done

# Rows of tab-separated cells, printed as a Markdown table with padded columns.
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@"; }
table() {
  awk -F '\t' '{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > width[i]) width[i] = length($i) } } END {
    for (r = 1; r <= NR; r++) { line = "|"; for (i = 1; i <= 6; i++) line = line " " sprintf("%-" width[i] "s", cell[r, i]) " |"; print line }
  }'
}
echo
echo "Inventory end-to-end load test: $(nproc) cores for the load generator, the API, one silo and PostgreSQL (load average before: $load_before); $warmup s warm-up + $seconds s per scenario"
{
  row "figure" "measured" "baseline" "ratio" "target" "met?"
  row "---" "---" "---" "---" "---" "---"
  row "(a) movements/s, 256 scanners, single posts" "$(num "$a")/s (p99 $(ms "$(field a-closed-single p99_ms)"))" "$(num "$live")/s" "$(ratio "$a" "$live")" "" ""
  row "(b) movements/s, 16 scanners, batches of 50" "$(num "$b")/s (p99 $(ms "$(field b-closed-batch p99_ms)") a batch)" "$(num "$live")/s" "$(ratio "$b" "$live")" "" ""
  row "best of (a) and (b)" "$(num "$best")/s" "$(num "$live")/s" "$(ratio "$best" "$live")" ">= 2,500/s" "$(met "$best >= 2500")"
  row "(c) p99, open loop at 1,000 movements/s (rate kept: $(field c-open-1000 rate_kept))" \
    "$(ms "$c99") (p50 $(ms "$(field c-open-1000 p50_ms)"))" "$(ms "$l99")" "$(ratio "$c99" "$l99")" "< 100 ms" "$(met "$c99 < 100")"
  row "movements failed (5xx or no answer after every attempt)" "$failed" "" "" "" ""
} | table
echo "baseline: GET /health/live with the key, the HTTP stack's own ceiling here (64 scanners; the same open loop at 1,000/s)."
printf 'cores busy (of %s): (a) %s, (b) %s, (c) %s; in (c): API %s, silo %s, PostgreSQL %s\n' "$(nproc)" \
  "$(field a-closed-single machine)" "$(field b-closed-batch machine)" "$(field c-open-1000 machine)" \
  "$(field c-open-1000 api)" "$(field c-open-1000 silo)" "$(field c-open-1000 pg)"
