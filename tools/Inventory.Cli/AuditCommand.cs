using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Cli;

/// <summary><c>audit list [--after ID]</c>: the operator audit log (who did what, when, with what outcome), through the
/// API with an operator key.</summary>
internal static class AuditCommand
{
    public static Command Create(OperatorContext context, Option<bool> json)
    {
        var command = new Command("audit", "The operator audit log: rebuilds, dead-letter re-drives, reorder points, cluster dashboard sessions, through the API.");
        command.Subcommands.Add(List(context, json));
        return command;
    }

    private static Command List(OperatorContext context, Option<bool> json)
    {
        var after = new Option<long>("--after") { Description = "only actions with a greater id", DefaultValueFactory = _ => 0 };
        var pageSize = new Option<int>("--page-size") { Description = "actions per request (1 to 1000)", DefaultValueFactory = _ => 1000 };
        pageSize.Validators.Add(result =>
        {
            if (result.GetValue(pageSize) is < 1 or > 1000)
            {
                result.AddError("--page-size must be 1 to 1000.");
            }
        });
        after.Validators.Add(result =>
        {
            if (result.GetValue(after) < 0)
            {
                result.AddError("--after must not be negative.");
            }
        });
        var api = new ApiConnection();
        var list = api.AddTo(new Command("list", "Lists operator actions oldest first (every page): id, when, who, action, target, outcome, "
            + "status and problem, trace id. --json: one JSON array.") { after, pageSize });
        list.SetAction(async (parsed, cancellation) =>
        {
            using var http = api.Connect(parsed, context);
            return http is null ? OperatorCommands.Refused : await ApiConnection.CallAsync(context.Output, "audit list", async () =>
            {
                var actions = new JsonArray();
                var count = 0;
                string? url = $"/api/v1/admin/audit?after={parsed.GetValue(after)}&limit={parsed.GetValue(pageSize)}";
                while (url is not null)
                {
                    var page = (await http.GetFromJsonAsync<JsonObject>(url, cancellation))!;
                    foreach (var action in page["items"]!.AsArray().Select(a => a!.AsObject()))
                    {
                        count++;
                        if (parsed.GetValue(json))
                        {
                            actions.Add(action.DeepClone());
                            continue;
                        }

                        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{action["id"],6}  {action["at"]}  {action["actor"],-16} {action["action"],-30} {action["target"] ?? "-",-24} "
                            + $"{action["outcome"]} {action["status"]}{((string?)action["problem"] is { } problem ? $" {problem}" : "")}  trace {action["traceId"]}"));
                    }

                    url = (string?)page["next"];
                }

                await context.Output.WriteLineAsync(parsed.GetValue(json) ? actions.ToJsonString(JsonSerializerOptions.Web) : $"{count} operator actions");
                return OperatorCommands.Ok;
            });
        });
        return list;
    }
}
