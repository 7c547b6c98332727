using System.Collections.Concurrent;
using System.Reflection;
using Inventory.Contracts;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Inventory.Api.Hosting;

/// <summary>
/// Sends a <see cref="RetrySafeAttribute"/> call again when the cluster could not deliver it (its silo was shutting
/// down or had just gone), a few times within <see cref="Budget"/>, before the caller gets 503: a silo that leaves the
/// cluster gracefully then costs callers nothing. Any other failure, and every call without the mark, is answered at once.
/// </summary>
public sealed partial class RetrySafeCallFilter(ILogger<RetrySafeCallFilter> logger) : IOutgoingGrainCallFilter
{
    public const int MaxAttempts = 4;
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<MethodInfo, bool> RetrySafe = new();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            Exception? failure;
            try
            {
                await context.Invoke();
                failure = context.Response?.Exception;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            var pause = TimeSpan.FromMilliseconds(100 * attempt);
            if (failure is null || attempt == MaxAttempts || !IsUndelivered(failure) || !IsRetrySafe(context.InterfaceMethod)
                || TimeProvider.System.GetElapsedTime(started) + pause > Budget)
            {
                if (failure is not null && context.Response?.Exception is null)
                {
                    throw failure;
                }

                return;
            }

            LogRetrying(logger, context.InterfaceName, context.MethodName, context.TargetId.ToString(), attempt, failure.GetType().Name);
            await Task.Delay(pause);
        }
    }

    /// <summary>The cluster could not deliver the call or its answer: the target silo is going or gone.</summary>
    public static bool IsUndelivered(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException;

    private static bool IsRetrySafe(MethodInfo method) => RetrySafe.GetOrAdd(method, m =>
        m.GetCustomAttribute<RetrySafeAttribute>() is not null || m.DeclaringType?.GetCustomAttribute<RetrySafeAttribute>() is not null);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Interface}.{Method} to {Grain} was not delivered (attempt {Attempt}, {Failure}); sending it again")]
    private static partial void LogRetrying(ILogger logger, string @interface, string method, string grain, int attempt, string failure);
}
