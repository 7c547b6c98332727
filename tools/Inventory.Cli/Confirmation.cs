namespace Inventory.Cli;

/// <summary>Asks before destructive work: --yes goes ahead; otherwise a prompt on standard error, answered on standard
/// input; when standard input is not a terminal nobody can answer, so the command refuses (exit 1) and says why.</summary>
internal static class Confirmation
{
    /// <summary>Null to go ahead, or the exit code to stop with (the reason written to the output).</summary>
    public static async Task<int?> AskAsync(OperatorContext context, bool yes, string question)
    {
        if (yes)
        {
            return null;
        }

        if (context.Input is null)
        {
            await context.Output.WriteLineAsync($"{question}: refused without --yes, since standard input is not a terminal to ask on.");
            return OperatorCommands.Refused;
        }

        await context.Progress.WriteAsync($"{question}? [y/N] ");
        await context.Progress.FlushAsync();
        var answer = (await context.Input.ReadLineAsync())?.Trim();
        if (string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        await context.Output.WriteLineAsync("Nothing done.");
        return OperatorCommands.Refused;
    }
}
