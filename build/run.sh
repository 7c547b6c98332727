#!/usr/bin/env bash
# THE run command: builds and starts the silo and the API on localhost; Ctrl-C stops both.
#
# Embedded by default (one localhost silo, in-memory storage, nothing else needed). With ConnectionStrings__Inventory
# set (an Npgsql connection string), the silo runs against PostgreSQL: schema migrated at start, ADO.NET clustering
# and grain storage. build/pg.sh starts a local PostgreSQL if you need one:
#   build/pg.sh start /tmp/inventory-pg 56432
#   ConnectionStrings__Inventory="$(build/pg.sh url /tmp/inventory-pg 56432)" build/run.sh
#
# Silo ports: Inventory__SiloPort (11111), Inventory__GatewayPort (30000). API: API_URL (http://127.0.0.1:5080).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
configuration=${CONFIGURATION:-Release}
api_url=${API_URL:-http://127.0.0.1:5080}
silo_port=${Inventory__SiloPort:-11111}
gateway_port=${Inventory__GatewayPort:-30000}

dotnet build src/Silo/Silo.csproj -c "$configuration" --nologo -v quiet
dotnet build src/Api/Api.csproj -c "$configuration" --nologo -v quiet

pids=()
stop() {
  # A second Ctrl-C (a terminal sends it to the whole process group too) must not cut the clean-up short.
  trap '' INT TERM
  trap - EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
  rm -f "${keys_file:-}"
  echo "run.sh: stopped"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n ${ConnectionStrings__Inventory:-} ]]; then mode="PostgreSQL"; else mode="embedded"; fi

dotnet "src/Silo/bin/$configuration/net10.0/Inventory.Silo.dll" &
pids+=($!)
# Embedded mode without configured keys: the API generates development keys; have it write them where the summary
# below can show them.
keys_file=$(mktemp /tmp/inventory-api-keys.XXXXXX)
rm -f "$keys_file"
ASPNETCORE_URLS=$api_url Inventory__Api__DevelopmentKeysFile=$keys_file dotnet "src/Api/bin/$configuration/net10.0/Inventory.Api.dll" &
pids+=($!)

# Report once both listen (or give up on the report after 60 s; the processes keep running).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
api_port=${api_url##*:}
api_port=${api_port%%/*}
for _ in $(seq 1 120); do
  if port_open "$gateway_port" && port_open "$api_port"; then break; fi
  sleep 0.5
done
for _ in $(seq 1 20); do [[ -s $keys_file ]] && break; [[ $mode == embedded ]] || break; sleep 0.25; done
if [[ -s $keys_file ]]; then keys=$(sed "s#<api-url>#$api_url#" "$keys_file"); else keys="API keys: as configured in Inventory:Api:Keys"; fi
cat <<INFO

run.sh: Inventory is running ($mode mode). Ctrl-C stops it.
  silo:    127.0.0.1:$silo_port (silo-to-silo), 127.0.0.1:$gateway_port (gateway for Orleans clients)
  API:     $api_url  (liveness: $api_url/health/live, readiness: $api_url/health/ready)
  dashboard: $api_url/  (enter a dashboard or operator key in the page; operator keys also see projection lag)
  docs:    $api_url/docs (API reference), $api_url/openapi/v1.json
$keys

INFO

# Whichever stops first (crash or Ctrl-C) takes the other down with it.
set +e
wait -n "${pids[@]}"
rc=$?
exit "$rc"
