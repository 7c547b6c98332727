using System.CommandLine;

namespace Inventory.Cli;

/// <summary><c>events export</c> and <c>events import</c>: the ledger out to a file and back into an empty store.</summary>
internal static class EventsCommand
{
    public static Command Create(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var command = new Command("events", "The ledger's events out to a file (export) and into an empty store (import), straight on PostgreSQL.");
        command.Subcommands.Add(ExportCommand.Create(context, connection, json));
        command.Subcommands.Add(ImportCommand.Create(context, connection, json));
        return command;
    }
}
