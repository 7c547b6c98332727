using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Cli;

/// <summary>What the commands that go through the API share: the <c>--api</c> and <c>--key</c> options (key default:
/// <see cref="OperatorCommands.KeyVariable"/>), the client, and the mapping of failures to exit codes (a refused key 1,
/// no answer 3).</summary>
internal sealed class ApiConnection
{
    public const string DefaultAddress = "http://127.0.0.1:5080";

    private readonly Option<Uri> _api = new("--api")
    {
        Description = "the API's base address",
        DefaultValueFactory = _ => new Uri(DefaultAddress),
        // System.CommandLine has no converter for Uri: without this parser every --api given failed.
        CustomParser = result =>
        {
            if (Uri.TryCreate(result.Tokens[^1].Value, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
            {
                return address;
            }

            result.AddError($"--api must be an absolute http(s) address; got '{result.Tokens[^1].Value}'.");
            return null;
        },
    };
    private readonly Option<string?> _key = new("--key") { Description = $"an operator key (default: the environment variable {OperatorCommands.KeyVariable})" };

    /// <summary>Adds --api and --key to <paramref name="command"/>.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(_api);
        command.Options.Add(_key);
        return command;
    }

    /// <summary>The client of the address and key given, or null when no key was given (said on the output).</summary>
    public HttpClient? Connect(ParseResult parsed, OperatorContext context)
    {
        if ((parsed.GetValue(_key) ?? Environment.GetEnvironmentVariable(OperatorCommands.KeyVariable)) is not { Length: > 0 } key)
        {
            context.Output.WriteLine($"Give an operator key: --key or {OperatorCommands.KeyVariable}.");
            return null;
        }

        return context.CreateApiClient(parsed.GetRequiredValue(_api), key);
    }

    public static HttpClient CreateClient(Uri address, string key)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    /// <summary>Runs <paramref name="call"/>, turning a refused key into exit 1 and an API that does not answer into exit 3.</summary>
    public static async Task<int> CallAsync(TextWriter output, string command, Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            await output.WriteLineAsync($"The API refused the key: {command} needs an operator key.");
            return OperatorCommands.Refused;
        }
        catch (HttpRequestException ex)
        {
            await output.WriteLineAsync($"The API did not answer: {ex.Message}");
            return OperatorCommands.Unreachable;
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            await output.WriteLineAsync($"The API did not answer in time: {ex.Message}");
            return OperatorCommands.Unreachable;
        }
    }

    /// <summary>The problem's code (null when the answer is no problem document) and its title and detail, or the status.</summary>
    public static async Task<(string? Code, string Text)> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
            var (code, title, detail) = ((string?)problem?["code"], (string?)problem?["title"], (string?)problem?["detail"]);
            return (code, title is null ? status : detail is null ? title : $"{title} {detail}");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, status);
        }
    }

    /// <summary>Throws for 401/403 (the key) and 5xx (the API); leaves other answers to the caller.</summary>
    public static void ThrowOnKeyOrServerError(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500)
        {
            response.EnsureSuccessStatusCode();
        }
    }
}
