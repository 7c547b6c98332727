using Microsoft.Extensions.Logging;

namespace Inventory.Faults;

/// <summary>
/// Every grain call a silo answers passes here: an exception that must not cross the boundary as it is
/// (<see cref="DependencyFailures.Translate"/>) is logged with the grain and the method, then answered as the project's
/// own exception. Grains that log their failures with their ids throw <see cref="StockItems.StorageUnavailableException"/>
/// without an inner exception, which passes unlogged.
/// </summary>
public sealed partial class GrainBoundaryFilter(ILogger<GrainBoundaryFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (DependencyFailures.Translate(ex) is { } answer)
        {
            LogTranslated(logger, ex, context.TargetId.ToString(), context.InterfaceName, context.MethodName, answer.GetType().Name);
            throw answer;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain} {Interface}.{Method} failed; answered {Answer}")]
    private static partial void LogTranslated(ILogger logger, Exception exception, string grain, string @interface, string method, string answer);
}
