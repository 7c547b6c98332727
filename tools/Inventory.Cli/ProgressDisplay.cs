using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Inventory.Cli;

/// <summary>
/// Progress of long work: a Spectre.Console bar on standard error when it is a terminal (and --json is off), otherwise a
/// plain line at most every few seconds and one at the end, so that scripts and tests get clean output. Standard output
/// is never touched.
/// </summary>
public sealed class ProgressDisplay
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    private readonly string _unit;
    private string _description;
    private readonly TextWriter? _lines;
    private readonly ProgressTask? _bar;
    private readonly Stopwatch _sinceLine = Stopwatch.StartNew();
    private long _done;
    private long? _total;

    private ProgressDisplay(string description, string unit, TextWriter? lines, ProgressTask? bar)
    {
        (_description, _unit, _lines, _bar) = (description, unit, lines, bar);
    }

    /// <summary>Runs <paramref name="work"/>, which reports through the display it is given, in <paramref name="unit"/> (e.g. "events").</summary>
    public static async Task<T> RunAsync<T>(OperatorContext context, bool json, string description, string unit, Func<ProgressDisplay, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        if (!context.ProgressIsTerminal || json)
        {
            var plain = new ProgressDisplay(description, unit, context.Progress, bar: null);
            var result = await work(plain);
            plain.WriteLine();
            return result;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Progress) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(description);
                task.IsIndeterminate = true;
                var result = await work(new ProgressDisplay(description, unit, lines: null, task));
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    /// <summary>How much is done, of how much (null: not known).</summary>
    public void Report(long done, long? total = null)
    {
        _done = done;
        _total = total ?? _total;
        if (_bar is not null)
        {
            if (_total is > 0)
            {
                _bar.IsIndeterminate = false;
                _bar.MaxValue = _total.Value;
                _bar.Value = Math.Min(done, _total.Value);
            }

            return;
        }

        if (_sinceLine.Elapsed >= LineInterval)
        {
            WriteLine();
        }
    }

    /// <summary>Changes what the work is said to be doing (e.g. from checking to writing).</summary>
    public void Describe(string description)
    {
        _description = description;
        if (_bar is not null)
        {
            _bar.Description = description;
        }
    }

    private void WriteLine()
    {
        _sinceLine.Restart();
        _lines?.WriteLine(_total is > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{_description}: {_done:N0} of {_total:N0} {_unit}")
            : string.Create(CultureInfo.InvariantCulture, $"{_description}: {_done:N0} {_unit}"));
    }
}
