using System.Runtime.CompilerServices;
using System.Text;

namespace Inventory.Cli;

/// <summary>An export file (NDJSON, see <see cref="EventLine"/>) read line by line, blank lines skipped: each event with
/// its line number. A line that is not an event throws <see cref="FormatException"/> naming the line.</summary>
internal static class ImportFile
{
    public static async IAsyncEnumerable<(long Line, ExportedEvent Event)> ReadAsync(FileStream file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        long number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ExportedEvent e;
            try
            {
                e = EventLine.Parse(line);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"line {number}: {ex.Message}", ex);
            }

            yield return (number, e);
        }
    }

    public static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
