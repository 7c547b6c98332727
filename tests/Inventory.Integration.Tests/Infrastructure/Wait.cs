using System.Diagnostics;

namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>Waiting on a condition with a deadline, never a bare sleep.</summary>
public static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <paramref name="timeout"/>.
    /// Returns how long it took.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? pollInterval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting until {what}.");
            }

            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
