#!/usr/bin/env bash
# The operators' tool (tools/Inventory.Cli), built on first use: build/inventory.sh --help lists its commands.
#   build/inventory.sh status --key "$OPERATOR_KEY"            silos, projections, dead letters (through the API)
#   build/inventory.sh migrate status|apply|verify             the schema (straight on PostgreSQL: ConnectionStrings__Inventory)
#   build/inventory.sh verify                                  the ledger audit; exit code 2 on a discrepancy
#   build/inventory.sh events export -o FILE | events import FILE    backup and restore of the ledger (NDJSON)
#   build/inventory.sh snapshots rebuild|prune, replay STREAM        the snapshot cache; one item's history with its state
#   build/inventory.sh projections rebuild NAME --wait, dead-letters list|retry   the read side (through the API)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/tools/Inventory.Cli/Inventory.Cli.csproj" -c Release --nologo -v quiet >/dev/null
exec dotnet "$root/tools/Inventory.Cli/bin/Release/net10.0/inventory.dll" "$@"
