namespace Inventory.Benchmark;

/// <summary>
/// Pages that had to be read back in: this process's major faults (code and mapped files no longer in memory), and
/// the machine's major faults and refaults of file pages (the page cache evicted, then needed again, PostgreSQL's
/// table and index files included). A VM whose kernel pages out memory idle for a while (DAMON's reclaim) shows them
/// when work starts again. Linux only (<c>/proc</c>); elsewhere <see cref="Read"/> is null.
/// </summary>
internal readonly record struct PageFaults(long ProcessMajor, long MachineMajor, long MachineFileRefaults)
{
    public static PageFaults? Read()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long machineMajor = 0, refaults = 0;
            foreach (var line in File.ReadLines("/proc/vmstat"))
            {
                // workingset_refault_file comes before pgmajfault: stop there (read 20 times a second while measuring).
                if (line.StartsWith("workingset_refault_file ", StringComparison.Ordinal))
                {
                    refaults = long.Parse(line.AsSpan(line.IndexOf(' ') + 1));
                }
                else if (line.StartsWith("pgmajfault ", StringComparison.Ordinal))
                {
                    machineMajor = long.Parse(line.AsSpan(line.IndexOf(' ') + 1));
                    break;
                }
            }

            return new PageFaults(long.Parse(fields[9]), machineMajor, refaults);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public static PageFaults operator -(PageFaults end, PageFaults start) =>
        new(end.ProcessMajor - start.ProcessMajor, end.MachineMajor - start.MachineMajor, end.MachineFileRefaults - start.MachineFileRefaults);

    public override string ToString() =>
        $"{ProcessMajor:N0} major in this process, {MachineMajor:N0} in the machine, {MachineFileRefaults:N0} file pages refaulted";
}
