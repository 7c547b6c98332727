using System.CommandLine;

namespace Inventory.Cli;

/// <summary>The operators' commands: <c>status</c> (through the API), <c>migrate status|apply|verify</c> and <c>verify</c>
/// (the ledger audit), the last two straight on PostgreSQL, where the cluster may be down. Exit codes: 0 done and sound,
/// 1 a usage error or a refused key, 2 a finding (pending or changed migrations, discrepancies in the ledger), 3 the API or
/// the database unreachable.</summary>
public static class OperatorCommands
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Findings = 2;
    public const int Unreachable = 3;

    public const string ConnectionVariable = "ConnectionStrings__Inventory";
    public const string KeyVariable = "INVENTORY_OPERATOR_KEY";

    public static RootCommand Create(TextWriter output, TextWriter progress)
    {
        var connection = new Option<string?>("--connection")
        {
            Description = $"Npgsql connection string of the cluster's database (default: the environment variable {ConnectionVariable})",
            Recursive = true,
        };
        var json = new Option<bool>("--json") { Description = "one JSON document on standard output, for scripts", Recursive = true };
        var root = new RootCommand("The Inventory operators' tool: cluster status, schema migrations and the ledger audit.") { connection, json };
        root.Subcommands.Add(StatusCommand.Create(output, json));
        root.Subcommands.Add(MigrateCommand.Create(output, connection, json));
        root.Subcommands.Add(VerifyCommand.Create(output, progress, connection, json));
        return root;
    }

    /// <summary>The connection string given or from the environment, or null (the caller reports it).</summary>
    internal static string? ConnectionOf(ParseResult parsed, Option<string?> connection) =>
        parsed.GetValue(connection) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } env ? env : null;
}
