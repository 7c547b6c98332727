using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Cli;

/// <summary><c>status</c>: the cluster's silos and each projection's health, lag, rebuild and open dead letters, read
/// through the API with an operator key.</summary>
public static class StatusCommand
{
    public static Command Create(OperatorContext context, Option<bool> json)
    {
        var api = new ApiConnection();
        var command = api.AddTo(new Command("status", "Silos, projections (health, lag, rebuild progress) and open dead letters, through the API."));
        command.SetAction(async (parsed, cancellation) =>
        {
            using var http = api.Connect(parsed, context);
            return http is null ? OperatorCommands.Refused : await RunAsync(http, context.Output, parsed.GetValue(json), cancellation);
        });
        return command;
    }

    /// <summary>Reads the status through <paramref name="api"/> (base address and key set) and prints it.</summary>
    public static async Task<int> RunAsync(HttpClient api, TextWriter output, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(output);
        return await ApiConnection.CallAsync(output, "status", async () =>
        {
            var cluster = await api.GetFromJsonAsync<JsonObject>("/api/v1/admin/cluster", cancellationToken);
            var projections = await api.GetFromJsonAsync<JsonObject>("/api/v1/admin/projections", cancellationToken);
            if (json)
            {
                await output.WriteLineAsync(new JsonObject { ["cluster"] = cluster, ["projections"] = projections?["projections"]?.DeepClone() }.ToJsonString(JsonSerializerOptions.Web));
                return OperatorCommands.Ok;
            }

            await output.WriteLineAsync($"silos: {cluster!["activeSilos"]} active, {cluster["totalActivations"]} activations");
            foreach (var silo in cluster["silos"]!.AsArray())
            {
                await output.WriteLineAsync($"  {silo!["address"],-28} {silo["status"],-10} {silo["activations"]} activations");
            }

            await output.WriteLineAsync("projections:");
            foreach (var p in projections!["projections"]!.AsArray())
            {
                var rebuild = p!["rebuild"] is JsonObject r ? $", rebuilding generation {r["generation"]} at {r["eventsPerSecond"]} events/s" : "";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {p["name"],-12} {p["health"],-12} lag {p["lagEvents"]} events / {p["lagMilliseconds"]} ms, {p["deadLetters"]} dead letters open{rebuild}"));
            }

            return OperatorCommands.Ok;
        });
    }
}
