using Inventory.Contracts.EventStore;
using Microsoft.Extensions.Logging;

namespace Inventory.EventStore.Postgres;

internal sealed partial class AppendBatcher
{
    private void LogOutcome(AppendRequest request, AppendResult result)
    {
        if (result.Status == AppendStatus.Appended)
        {
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                LogAppended(_logger, request.StreamId, request.ExpectedVersion + 1, request.ExpectedVersion + request.Events.Count, result.Positions[0], result.Positions[^1]);
            }
        }
        else
        {
            LogNotAppended(_logger, request.StreamId, request.ExpectedVersion, request.Events.Count, result.Status, result.Positions.Count > 0 ? result.Positions[^1] : null, result.DuplicateMovementId);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "PostgreSQL event store: an append writer stopped on an unexpected error; appends queued for it are not answered")]
    private static partial void LogWriterFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL event store appending with {Writers} writers, up to {MaxBatchSize} streams per batch")]
    private static partial void LogStarted(ILogger logger, int writers, int maxBatchSize);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Append batch of {Requests} streams stored {Events} events in {ElapsedMs:0.0} ms")]
    private static partial void LogBatch(ILogger logger, int requests, int events, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Appended {StreamId} v{FirstVersion}..v{LastVersion} at positions {FirstPosition}..{LastPosition}")]
    private static partial void LogAppended(ILogger logger, string streamId, int firstVersion, int lastVersion, long firstPosition, long lastPosition);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Append to {StreamId} at expected v{ExpectedVersion} ({Count} events): {Status} (last position {LastPosition}, duplicate movement {DuplicateMovementId})")]
    private static partial void LogNotAppended(ILogger logger, string streamId, int expectedVersion, int count, AppendStatus status, long? lastPosition, Guid? duplicateMovementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Append batch of {Requests} streams (first {StreamId} at expected v{ExpectedVersion}) failed at the connection; retrying once")]
    private static partial void LogRetrying(ILogger logger, Exception exception, int requests, string streamId, int expectedVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Append batch of {Requests} streams (first {StreamId} at expected v{ExpectedVersion}) failed; its appends fail with the error, outcome unknown")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int requests, string streamId, int expectedVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Append batch of {Requests} streams refused by the server ({SqlState}); running each append alone so that only the culprit fails")]
    private static partial void LogIsolating(ILogger logger, Exception exception, int requests, string sqlState);
}
