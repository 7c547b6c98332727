using System.CommandLine;

namespace Inventory.Cli;

/// <summary>The operators' commands. Straight on PostgreSQL, where the cluster may be down: <c>migrate</c>, <c>verify</c>
/// (the ledger audit), <c>events export|import</c>, <c>snapshots rebuild|prune</c>, <c>replay</c>, <c>schemas check</c> (and
/// <c>schemas list|show</c>, built in). Through the API with an
/// operator key: <c>status</c>, <c>projections rebuild</c>, <c>dead-letters list|retry</c>, <c>audit list</c>. Exit codes: 0 done and sound,
/// 1 a usage error, a refused key or a declined confirmation, 2 a finding (pending or changed migrations, discrepancies in
/// the ledger, a store an import does not fit, a dead letter still failing), 3 the API or the database unreachable.</summary>
public static class OperatorCommands
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Findings = 2;
    public const int Unreachable = 3;

    public const string ConnectionVariable = "ConnectionStrings__Inventory";
    public const string KeyVariable = "INVENTORY_OPERATOR_KEY";

    /// <summary>The commands writing results to <paramref name="output"/> and progress to <paramref name="progress"/>,
    /// with nobody to answer a confirmation.</summary>
    public static RootCommand Create(TextWriter output, TextWriter progress) => Create(new OperatorContext(output, progress));

    public static RootCommand Create(OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = new Option<string?>("--connection")
        {
            Description = $"Npgsql connection string of the cluster's database (default: the environment variable {ConnectionVariable})",
            Recursive = true,
        };
        var json = new Option<bool>("--json") { Description = "machine-readable output (JSON or NDJSON) on standard output, for scripts", Recursive = true };
        var root = new RootCommand("The Inventory operators' tool: cluster status, schema migrations, the ledger audit, export and import of the "
            + "events, snapshots, a stream's replay, the event schemas, projection rebuilds, dead letters and the operator audit log.") { connection, json };
        root.Subcommands.Add(StatusCommand.Create(context, json));
        root.Subcommands.Add(ProjectionsCommand.Create(context, json));
        root.Subcommands.Add(DeadLettersCommand.Create(context, json));
        root.Subcommands.Add(AuditCommand.Create(context, json));
        root.Subcommands.Add(MigrateCommand.Create(context.Output, connection, json));
        root.Subcommands.Add(VerifyCommand.Create(context, connection, json));
        root.Subcommands.Add(EventsCommand.Create(context, connection, json));
        root.Subcommands.Add(ReplayCommand.Create(context, connection, json));
        root.Subcommands.Add(SnapshotsCommand.Create(context, connection, json));
        root.Subcommands.Add(SchemasCommand.Create(context, connection, json));
        return root;
    }

    /// <summary>The connection string given or from the environment, or null (the caller reports it).</summary>
    internal static string? ConnectionOf(ParseResult parsed, Option<string?> connection) =>
        parsed.GetValue(connection) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } env ? env : null;
}
