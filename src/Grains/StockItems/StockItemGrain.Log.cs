using Inventory.Contracts.StockItems;
using Microsoft.Extensions.Logging;

namespace Inventory.StockItems;

public sealed partial class StockItemGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {StreamId} v{Version} at position {Position}: event {EventId} ({EventType}) for movement {MovementId}")]
    private static partial void LogApplied(ILogger logger, string streamId, int version, long position, Guid eventId, Guid movementId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} movement(s) lost the race for {StreamId} (now v{Version}), attempt {Attempt}: deciding again")]
    private static partial void LogConflict(ILogger logger, string streamId, int count, int version, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded {StreamId} at v{Version} (snapshot v{SnapshotVersion})")]
    private static partial void LogLoaded(ILogger logger, string streamId, int version, int snapshotVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load {StreamId} from the event store")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string streamId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Append of {Count} event(s) to {StreamId} at expected v{ExpectedVersion} failed; outcome unknown")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string streamId, int expectedVersion, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} movement(s) of {StreamId} at v{Version} failed; answered storage-unavailable")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string streamId, int version, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not re-read {StreamId} (at v{Version}) in time after a lost race")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string streamId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event store issue for {StreamId}: {Issue}")]
    private static partial void LogConnectionIssue(ILogger logger, string streamId, string issue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot of {StreamId} at v{Version} failed; it will be tried again later")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string streamId, int version);
}
