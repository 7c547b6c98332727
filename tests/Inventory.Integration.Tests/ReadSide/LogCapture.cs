using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>Keeps the Information-and-above messages of the read side's loggers (category <c>Inventory.Projections.*</c>)
/// of an in-process silo, for tests that must see what happened inside it (e.g. where a coordinator started from).</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("Inventory.Projections", StringComparison.Ordinal) ? new Logger(_messages) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
