using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Cli;

/// <summary><c>dead-letters list</c> and <c>dead-letters retry &lt;id&gt; | --all</c>, through the API with an operator key.</summary>
internal static class DeadLettersCommand
{
    public static Command Create(OperatorContext context, Option<bool> json)
    {
        var command = new Command("dead-letters", "Events a projection could not apply, parked: list them and apply them again, through the API.");
        command.Subcommands.Add(List(context, json));
        command.Subcommands.Add(Retry(context, json));
        return command;
    }

    private static Command List(OperatorContext context, Option<bool> json)
    {
        var projection = new Option<string?>("--projection") { Description = "only this projection's" };
        var all = new Option<bool>("--all") { Description = "re-driven ones too (default: open ones only)" };
        var pageSize = new Option<int>("--page-size") { Description = "letters per request (1 to 1000)", DefaultValueFactory = _ => 1000 };
        pageSize.Validators.Add(result =>
        {
            if (result.GetValue(pageSize) is < 1 or > 1000)
            {
                result.AddError("--page-size must be 1 to 1000.");
            }
        });
        var api = new ApiConnection();
        var list = api.AddTo(new Command("list", "Lists dead letters in id order (every page): id, projection, partition, stream and version, position, "
            + "event type, attempts, when parked and re-driven, the error. --json: one JSON array.") { projection, all, pageSize });
        list.SetAction(async (parsed, cancellation) =>
        {
            using var http = api.Connect(parsed, context);
            return http is null ? OperatorCommands.Refused : await ApiConnection.CallAsync(context.Output, "dead-letters list", async () =>
            {
                var letters = new JsonArray();
                var count = 0;
                await foreach (var letter in ReadAsync(http, parsed.GetValue(projection), openOnly: !parsed.GetValue(all), parsed.GetValue(pageSize), cancellation))
                {
                    count++;
                    if (parsed.GetValue(json))
                    {
                        letters.Add(letter);
                        continue;
                    }

                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{letter["id"],6}  {letter["projection"],-12} {letter["partition"],-14} {letter["streamId"]} v{letter["version"]}  position {letter["position"]}  "
                        + $"{letter["eventType"]}  {letter["attempts"]} attempts  parked {letter["parkedAt"]}  "
                        + $"{((string?)letter["redrivenAt"] is { } at ? $"re-driven {at}" : "open")}  {letter["error"]}"));
                }

                await context.Output.WriteLineAsync(parsed.GetValue(json) ? letters.ToJsonString(JsonSerializerOptions.Web) : $"{count} dead letters");
                return OperatorCommands.Ok;
            });
        });
        return list;
    }

    private static Command Retry(OperatorContext context, Option<bool> json)
    {
        var id = new Argument<long?>("id") { Description = "the dead letter's id (`dead-letters list`)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "every open dead letter (of --projection)" };
        var projection = new Option<string?>("--projection") { Description = "with --all: only this projection's" };
        var yes = new Option<bool>("--yes", "-y") { Description = "with --all: do it without asking (required when standard input is not a terminal)" };
        var api = new ApiConnection();
        var retry = api.AddTo(new Command("retry", "Applies a dead letter again (<id>), or every open one (--all, asks first unless --yes). Exit 0 when "
            + "re-driven (or already re-driven), 2 when one still fails (it stays parked), 1 for an unknown id.") { id, all, projection, yes });
        retry.Validators.Add(result =>
        {
            if ((result.GetValue(id) is null) != result.GetValue(all))
            {
                result.AddError("Give a dead letter's id or --all.");
            }
        });
        retry.SetAction(async (parsed, cancellation) =>
        {
            if (parsed.GetValue(all) && await Confirmation.AskAsync(context, parsed.GetValue(yes),
                $"Retry every open dead letter{(parsed.GetValue(projection) is { } p ? $" of {p}" : "")}") is { } declined)
            {
                return declined;
            }

            using var http = api.Connect(parsed, context);
            return http is null ? OperatorCommands.Refused : await ApiConnection.CallAsync(context.Output, "dead-letters retry", async () =>
            {
                var outcomes = new JsonArray();
                var ids = parsed.GetValue(id) is { } one ? [one] : await OpenIdsAsync(http, parsed.GetValue(projection), cancellation);
                foreach (var letterId in ids)
                {
                    var outcome = await RetryAsync(http, letterId, cancellation);
                    outcomes.Add(new JsonObject { ["id"] = letterId, ["outcome"] = outcome.Outcome, ["detail"] = outcome.Detail });
                    if (!parsed.GetValue(json))
                    {
                        await context.Output.WriteLineAsync($"dead letter {letterId}: {outcome.Outcome}{(outcome.Detail is { } d ? $" ({d})" : "")}");
                    }
                }

                var failing = outcomes.Count(o => (string?)o!["outcome"] == "still-failing");
                var missing = outcomes.Count(o => (string?)o!["outcome"] is "not-found" or "refused");
                await context.Output.WriteLineAsync(parsed.GetValue(json) ? outcomes.ToJsonString(JsonSerializerOptions.Web)
                    : $"{outcomes.Count(o => (string?)o!["outcome"] is "redriven" or "already-redriven")} re-driven, {failing} still failing, {missing} not found or refused");
                return missing > 0 ? OperatorCommands.Refused : failing > 0 ? OperatorCommands.Findings : OperatorCommands.Ok;
            });
        });
        return retry;
    }

    /// <summary>Every dead letter of the filters, page after page (following <c>next</c>).</summary>
    private static async IAsyncEnumerable<JsonObject> ReadAsync(HttpClient api, string? projection, bool openOnly, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? url = $"/api/v1/admin/dead-letters?open={(openOnly ? "true" : "false")}&limit={pageSize}"
            + (projection is null ? "" : $"&projection={Uri.EscapeDataString(projection)}");
        while (url is not null)
        {
            var page = (await api.GetFromJsonAsync<JsonObject>(url, cancellationToken))!;
            foreach (var letter in page["items"]!.AsArray())
            {
                yield return letter!.AsObject().DeepClone().AsObject();
            }

            url = (string?)page["next"];
        }
    }

    private static async Task<List<long>> OpenIdsAsync(HttpClient api, string? projection, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await foreach (var letter in ReadAsync(api, projection, openOnly: true, 1000, cancellationToken))
        {
            ids.Add((long)letter["id"]!);
        }

        return ids;
    }

    private static async Task<(string Outcome, string? Detail)> RetryAsync(HttpClient api, long id, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsync($"/api/v1/admin/dead-letters/{id}/retry", null, cancellationToken);
        ApiConnection.ThrowOnKeyOrServerError(response);
        if (response.IsSuccessStatusCode)
        {
            return ("redriven", null);
        }

        var (code, detail) = await ApiConnection.ProblemOfAsync(response, cancellationToken);
        return code switch
        {
            "dead-letter-already-redriven" => ("already-redriven", null),
            "dead-letter-still-failing" => ("still-failing", detail),
            "dead-letter-not-found" => ("not-found", detail),
            _ => ("refused", detail),
        };
    }
}
