using System.Data.Common;
using System.Net.Sockets;
using Inventory.Contracts.StockItems;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;

namespace Inventory.Api.Problems;

/// <summary>Tells exceptions that mean "the cluster or the database is unavailable, retry" from real faults.</summary>
/// <remarks>The silos answer every failure of their storage as <see cref="StorageUnavailableException"/>; the other storage
/// cases are defence in depth for a silo of another build: a database exception this process has no type for arrives as
/// Orleans' fallback exception, or as a codec error naming its type.</remarks>
public static class UnavailableExceptions
{
    private static readonly string[] DatabaseTypePrefixes = ["Npgsql.", "System.Data."];

    /// <summary><see cref="ProblemCodes.StorageUnavailable"/>, <see cref="ProblemCodes.ClusterUnavailable"/>, or null
    /// when the exception (or any exception it wraps) is not one of unavailability.</summary>
    public static string? Classify(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 8; depth++)
        {
            switch (exception)
            {
                case StorageUnavailableException or DbException:
                    return ProblemCodes.StorageUnavailable;
                case UnavailableExceptionFallbackException fallback when NamesDatabaseType(fallback.ExceptionType):
                    return ProblemCodes.StorageUnavailable;
                case CodecNotFoundException codec when NamesDatabaseType(codec.Message):
                    return ProblemCodes.StorageUnavailable;
                case SiloUnavailableException or ConnectionFailedException or GatewayTooBusyException
                    or ClientNotAvailableException or OrleansMessageRejectionException or TimeoutException
                    or OperationCanceledException or SocketException or IOException:
                    return ProblemCodes.ClusterUnavailable;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                default:
                    exception = exception.InnerException;
                    break;
            }
        }

        return null;
    }

    private static bool NamesDatabaseType(string? text) =>
        text is not null && DatabaseTypePrefixes.Any(prefix => text.Contains(prefix, StringComparison.Ordinal));
}
