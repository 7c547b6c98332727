using System.Text;

namespace Inventory.Api.Tests;

/// <summary>Reads a streaming <c>text/event-stream</c> response block by block (blocks end with a blank line).</summary>
public sealed class SseStream(HttpResponseMessage response) : IAsyncDisposable
{
    private readonly StreamReader _reader = new(response.Content.ReadAsStream(), Encoding.UTF8);

    public HttpResponseMessage Response => response;

    /// <summary>The next block, or null when the response ended; fails after <paramref name="timeout"/>.</summary>
    public async Task<SseEvent?> NextAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        string? name = null, id = null, comment = null;
        var data = new List<string>();
        var any = false;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellation.Token);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (any)
                {
                    return new SseEvent(name, id, data.Count > 0 ? string.Join('\n', data) : null, comment);
                }

                continue;
            }

            any = true;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "":
                    comment = value;
                    break;
                case "event":
                    name = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }
    }

    /// <summary>Skips blocks until one named <paramref name="name"/> (and matching <paramref name="match"/>) arrives.</summary>
    public async Task<SseEvent> NextNamedAsync(string name, TimeSpan timeout, Func<SseEvent, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"No '{name}' event within {timeout}.");
            var next = await NextAsync(left) ?? throw new InvalidOperationException($"The stream ended before a '{name}' event.");
            if (next.Event == name && (match is null || match(next)))
            {
                return next;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        response.Dispose();
        await Task.CompletedTask;
    }
}
