using System.Data.Common;
using System.Net.Sockets;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Faults;

/// <summary>
/// What may cross a grain boundary. Exceptions travel to callers serialized; a client only has codecs for the
/// framework's exceptions and the project's own, so a driver's exception (say <c>Npgsql.PostgresException</c>), thrown or
/// as an inner exception, turns into an undecodable answer. Everything a silo's dependencies throw is therefore answered
/// as the project's own <see cref="StorageUnavailableException"/>, without inner exceptions.
/// </summary>
public static class DependencyFailures
{
    private static readonly string[] WireSafeNamespaces = ["System", "Microsoft", "Orleans", "Inventory"];

    /// <summary>True when <paramref name="exception"/> or any exception it wraps says a dependency (PostgreSQL, the
    /// network, a timeout waiting for either) failed, rather than the code.</summary>
    public static bool IsDependencyFailure(Exception exception) => Chain(exception).Any(e => e is
        StorageUnavailableException or DbException or IOException or SocketException or TimeoutException or OperationCanceledException
        || IsFromNamespace(e.GetType(), "Npgsql"));

    /// <summary>True when every exception in the chain is of a type whose codec every caller has: the framework's, Orleans'
    /// or the project's own.</summary>
    public static bool IsWireSafe(Exception exception) =>
        Chain(exception).All(e => WireSafeNamespaces.Any(prefix => IsFromNamespace(e.GetType(), prefix)));

    /// <summary>The exception to answer with instead of <paramref name="exception"/>, or null when it may cross as it is:
    /// a dependency failure becomes a <see cref="StorageUnavailableException"/> without inner exception; any other chain
    /// with a type a caller cannot decode becomes an <see cref="InvalidOperationException"/> naming it (a fault of the
    /// code, answered as one).</summary>
    public static Exception? Translate(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (IsDependencyFailure(exception))
        {
            return exception is StorageUnavailableException { InnerException: null }
                ? null
                : new StorageUnavailableException(exception is StorageUnavailableException outer
                    ? outer.Message
                    : $"A dependency of the silo failed ({Describe(exception)}); the outcome is unknown: retry with the same movement id.");
        }

        return IsWireSafe(exception) ? null : new InvalidOperationException($"The grain failed ({Describe(exception)}).");
    }

    /// <summary>The innermost exception's type, and its SQL state when PostgreSQL refused a statement.</summary>
    public static string Describe(Exception exception)
    {
        var innermost = Chain(exception).Last();
        return innermost is DbException { SqlState: { } state } ? $"{innermost.GetType().Name} {state}" : innermost.GetType().Name;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        for (var seen = 0; pending.Count > 0 && seen < 32; seen++)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private static bool IsFromNamespace(Type type, string prefix) =>
        type.Namespace is { } ns && (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal));
}
