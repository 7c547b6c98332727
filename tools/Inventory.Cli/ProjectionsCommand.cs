using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Cli;

/// <summary><c>projections rebuild &lt;name&gt; [--wait]</c>, through the API with an operator key: starts a rebuild (the
/// current generation serves reads meanwhile) and, with --wait, follows it until the new generation takes over.</summary>
internal static class ProjectionsCommand
{
    public static Command Create(OperatorContext context, Option<bool> json)
    {
        var name = new Argument<string>("name") { Description = "the projection (`status` lists them)" };
        var wait = new Option<bool>("--wait") { Description = "follow the rebuild until the new generation serves reads, showing its progress" };
        var interval = new Option<TimeSpan>("--poll-interval") { Description = "how often --wait asks", DefaultValueFactory = _ => TimeSpan.FromSeconds(1) };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "how long --wait waits at most (exit 2 after it)", DefaultValueFactory = _ => TimeSpan.FromHours(1) };
        var api = new ApiConnection();
        var rebuild = api.AddTo(new Command("rebuild", "Starts rebuilding a projection from the ledger (a rebuild already running is left as it is). "
            + "With --wait, follows it until the new generation takes over; exit 2 when it ends without taking over or --timeout passes. Unknown name: exit 1.")
        {
            name, wait, interval, timeout,
        });
        rebuild.SetAction(async (parsed, cancellation) =>
        {
            using var http = api.Connect(parsed, context);
            return http is null ? OperatorCommands.Refused : await RebuildAsync(context, http, parsed.GetRequiredValue(name), parsed.GetValue(wait),
                parsed.GetValue(interval), parsed.GetValue(timeout), parsed.GetValue(json), cancellation);
        });
        var command = new Command("projections", "The read side's projections, through the API with an operator key (`status` shows them).");
        command.Subcommands.Add(rebuild);
        return command;
    }

    /// <summary>Starts the rebuild of <paramref name="name"/> through <paramref name="api"/> and, with <paramref name="wait"/>, follows it.</summary>
    public static Task<int> RebuildAsync(OperatorContext context, HttpClient api, string name, bool wait, TimeSpan interval, TimeSpan timeout, bool json,
        CancellationToken cancellationToken) => ApiConnection.CallAsync(context.Output, "projections rebuild", async () =>
    {
        using var response = await api.PostAsync($"/api/v1/admin/projections/{Uri.EscapeDataString(name)}/rebuild", null, cancellationToken);
        ApiConnection.ThrowOnKeyOrServerError(response);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            await context.Output.WriteLineAsync($"There is no projection '{name}': {(await ApiConnection.ProblemOfAsync(response, cancellationToken)).Text}");
            return OperatorCommands.Refused;
        }

        response.EnsureSuccessStatusCode();
        var started = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        var generation = (int?)started["rebuild"]?["generation"] ?? (int)started["generation"]!;
        if (!wait)
        {
            await context.Output.WriteLineAsync(json ? started.ToJsonString(JsonSerializerOptions.Web)
                : $"{name}: rebuilding generation {generation}; generation {started["generation"]} serves reads meanwhile (`status` or --wait follows it)");
            return OperatorCommands.Ok;
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        var final = await ProgressDisplay.RunAsync(context, json, $"rebuild {name}", "positions", async progress =>
        {
            while (true)
            {
                var projections = await api.GetFromJsonAsync<JsonObject>("/api/v1/admin/projections", cancellationToken);
                var status = projections?["projections"]?.AsArray().SingleOrDefault(p => (string?)p?["name"] == name)?.AsObject();
                if (status?["rebuild"] is not JsonObject running)
                {
                    return status;
                }

                progress.Report((long)running["checkpoint"]!["position"]!, Math.Max((long)status["headPosition"]!, 1));
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    return null;
                }

                await Task.Delay(interval, cancellationToken);
            }
        });
        if (final is null)
        {
            await context.Output.WriteLineAsync($"{name}: the rebuild of generation {generation} did not finish within {timeout}.");
            return OperatorCommands.Findings;
        }

        var done = (int)final["generation"]! >= generation;
        await context.Output.WriteLineAsync(json ? final.ToJsonString(JsonSerializerOptions.Web) : done
            ? string.Create(CultureInfo.InvariantCulture, $"{name}: generation {final["generation"]} rebuilt and serving, {final["health"]}, lag {final["lagEvents"]} events")
            : $"{name}: the rebuild of generation {generation} ended without taking over; generation {final["generation"]} still serves.");
        return done ? OperatorCommands.Ok : OperatorCommands.Findings;
    });
}
