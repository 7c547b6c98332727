using System.CommandLine;
using Inventory.Cli;

namespace Inventory.Integration.Tests.Cli;

/// <summary>Runs the operator tool in-process: its standard output and standard error captured, standard input not a
/// terminal unless <paramref name="input"/> is given (what a person would type at a prompt).</summary>
public static class OperatorTool
{
    public static Task<ToolRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public static async Task<ToolRun> RunWithInputAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var progress = new StringWriter();
        var context = new OperatorContext(output, progress) { Input = input is null ? null : new StringReader(input) };
        var exit = await OperatorCommands.Create(context).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return new ToolRun(exit, output.ToString(), progress.ToString());
    }
}

/// <summary>A run of the tool: its exit code, standard output and standard error.</summary>
public sealed record ToolRun(int Exit, string Output, string Progress);
