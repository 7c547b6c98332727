using System.Data.Common;
using System.Net.Sockets;
using Inventory.StockItems;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Inventory.Api.Problems;

/// <summary>Tells exceptions that mean "the cluster or the database is unavailable, retry" from real faults.</summary>
public static class UnavailableExceptions
{
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
                case SiloUnavailableException or ConnectionFailedException or GatewayTooBusyException
                    or ClientNotAvailableException or OrleansMessageRejectionException or TimeoutException
                    or SocketException or IOException:
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
}
