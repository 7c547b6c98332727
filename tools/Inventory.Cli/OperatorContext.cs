namespace Inventory.Cli;

/// <summary>Where the commands write and read: <see cref="Output"/> (results; standard output), <see cref="Progress"/>
/// (progress and prompts; standard error), <see cref="Input"/> (answers to confirmations; null when standard input is not
/// a terminal, so nothing can be asked), and how an API client is made (tests hand in the in-memory API's).</summary>
public sealed record OperatorContext(TextWriter Output, TextWriter Progress)
{
    /// <summary>Answers to confirmation prompts, or null when nobody can answer (standard input redirected).</summary>
    public TextReader? Input { get; init; }

    /// <summary>True when <see cref="Progress"/> is a terminal: progress is drawn as bars rather than written as lines.</summary>
    public bool ProgressIsTerminal { get; init; }

    /// <summary>Makes the API client of a base address and an operator key.</summary>
    public Func<Uri, string, HttpClient> CreateApiClient { get; init; } = ApiConnection.CreateClient;

    /// <summary>The process's console: results on standard output, progress and prompts on standard error.</summary>
    public static OperatorContext ForConsole() => new(Console.Out, Console.Error)
    {
        Input = Console.IsInputRedirected ? null : Console.In,
        ProgressIsTerminal = !Console.IsErrorRedirected,
    };
}
