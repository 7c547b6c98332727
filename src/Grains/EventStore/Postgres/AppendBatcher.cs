using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Inventory.Contracts.EventStore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inventory.EventStore.Postgres;

/// <summary>
/// Coalesces concurrent appends into few transactions. Each writer, on a thread of its own, takes whatever is
/// queued right now (no timer, so no added latency when idle), at most
/// <see cref="PostgresEventStoreOptions.MaxBatchSize"/> requests and never two for the same stream (the later one
/// waits for the next batch), and sends them in one round trip, on a connection the writer keeps
/// (<see cref="WriterConnection"/>).
/// </summary>
internal sealed partial class AppendBatcher : IAsyncDisposable
{
    private static readonly Meter Meter = new(PostgresEventStore.MeterName);
    private static readonly Histogram<int> BatchRequests = Meter.CreateHistogram<int>(
        "inventory.eventstore.batch.requests", "{append}", "Appends (one stream each) sent to PostgreSQL in one round trip and transaction.");
    private static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>(
        "inventory.eventstore.batch.duration", "ms", "Round trip and commit of one append batch.");
    private static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>(
        "inventory.eventstore.append.queued", "ms", "Time an append waited in the queue until a writer sent it in a batch.");

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly int _maxBatchSize;
    private readonly Channel<AppendRequest> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _writers;
    private int _disposed;

    public AppendBatcher(NpgsqlDataSource dataSource, PostgresEventStoreOptions options, ILogger logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _maxBatchSize = options.MaxBatchSize;
        _queue = Channel.CreateUnbounded<AppendRequest>(new UnboundedChannelOptions { SingleReader = options.Writers == 1 });
        _writers = [.. Enumerable.Range(0, options.Writers).Select(StartWriter)];
        LogStarted(logger, options.Writers, options.MaxBatchSize);
    }

    public Task<AppendResult> EnqueueAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(request), typeof(PostgresEventStore));

        // A caller that stops waiting does not withdraw the append: its outcome is then unknown, as the contract says.
        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the writers after their current batch; appends still queued fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_writers);
        while (_queue.Reader.TryRead(out var request))
        {
            request.Completion.TrySetException(new ObjectDisposedException(nameof(PostgresEventStore)));
        }

        _stopping.Dispose();
    }

    /// <summary>Each writer has a thread of its own and blocks on its queue and on the database, rather than running
    /// on the thread pool: its wake-ups then never wait behind the silo's other work (7-16% more movements/s at 64
    /// callers than the pool-based loop it replaced; <c>docs/benchmarks.md</c>).</summary>
    private Task StartWriter(int index)
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                RunWriter();
                exited.SetResult();
            }
#pragma warning disable CA1031 // The writer's thread must not take the process down: the failure goes to DisposeAsync.
            catch (Exception error)
#pragma warning restore CA1031
            {
                LogWriterFailed(_logger, error);
                exited.SetException(error);
            }
        })
        {
            IsBackground = true,
            Name = $"append-writer-{index}",
        };
        thread.Start();
        return exited.Task;
    }

    private void RunWriter()
    {
        // The thread inherited its creator's context; a batch span must not become a child of whatever was current then.
        Activity.Current = null;
        var deferred = new Queue<AppendRequest>();
        using var connection = new WriterConnection(_dataSource);
        try
        {
            while (!_stopping.IsCancellationRequested && (deferred.Count > 0 || WaitToRead()))
            {
                var batch = Collect(deferred);
                if (batch.Count > 0)
                {
                    ExecuteTraced(batch, connection);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed while idle.
        }
        finally
        {
            foreach (var request in deferred)
            {
                request.Completion.TrySetException(new ObjectDisposedException(nameof(PostgresEventStore)));
            }
        }
    }

    private bool WaitToRead()
    {
        var wait = _queue.Reader.WaitToReadAsync(_stopping.Token);
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Answers every request of the batch; never throws. A connection-level failure is retried once
    /// (safe: a repeated append answers AlreadyAppended); a statement the server refuses is re-run one request at a
    /// time, so that only the request that causes it fails.</summary>
    private void Execute(List<AppendRequest> batch, WriterConnection connection, bool retried = false)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            RecordQueueWait(batch, started);
            Answer(batch, AppendEventsStatement.Execute(connection.Get(), batch), started);
        }
        catch (Exception error) when (!retried && IsConnectionLevel(error))
        {
            LogRetrying(_logger, error, batch.Count, batch[0].StreamId, batch[0].ExpectedVersion);
            Activity.Current?.AddEvent(new ActivityEvent("retry"));
            connection.Drop();
            Execute(batch, connection, retried: true);
        }
        catch (PostgresException refused) when (batch.Count > 1 && !IsConnectionLevel(refused))
        {
            LogIsolating(_logger, refused, batch.Count, refused.SqlState);
            Activity.Current?.AddEvent(new ActivityEvent("isolate"));
            foreach (var request in batch)
            {
                Execute([request], connection, retried);
            }
        }
        catch (Exception error)
        {
            LogBatchFailed(_logger, error, batch.Count, batch[0].StreamId, batch[0].ExpectedVersion);
            if (IsConnectionLevel(error))
            {
                connection.Drop();
            }

            Fail(batch, error);
        }
    }

    /// <summary>Deferred requests first (in their order), then the queue; a stream already in the batch defers the
    /// request, which keeps the requests of one stream in arrival order.</summary>
    private List<AppendRequest> Collect(Queue<AppendRequest> deferred)
    {
        var batch = new List<AppendRequest>(Math.Min(_maxBatchSize, 64));
        var streams = new HashSet<string>(StringComparer.Ordinal);
        for (var waiting = deferred.Count; waiting > 0; waiting--)
        {
            var request = deferred.Dequeue();
            if (batch.Count < _maxBatchSize && streams.Add(request.StreamId))
            {
                batch.Add(request);
            }
            else
            {
                deferred.Enqueue(request);
            }
        }

        while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var request))
        {
            if (streams.Add(request.StreamId))
            {
                batch.Add(request);
            }
            else
            {
                deferred.Enqueue(request);
            }
        }

        return batch;
    }

    private static void RecordQueueWait(List<AppendRequest> batch, long started)
    {
        foreach (var request in batch)
        {
            QueueWait.Record(Stopwatch.GetElapsedTime(request.QueuedAt, started).TotalMilliseconds);
        }
    }

    private void Answer(List<AppendRequest> batch, AppendResult[] results, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        BatchRequests.Record(batch.Count);
        BatchDuration.Record(elapsed);
        LogBatch(_logger, batch.Count, results.Sum(r => r.Positions.Count), elapsed);
        for (var i = 0; i < batch.Count; i++)
        {
            LogOutcome(batch[i], results[i]);
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private static void Fail(List<AppendRequest> batch, Exception error)
    {
        foreach (var request in batch)
        {
            request.Completion.TrySetException(error);
        }
    }

    /// <summary>The connection, the server's availability or a transaction rollback, not the statement itself.</summary>
    private static bool IsConnectionLevel(Exception error) => error switch
    {
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true,
        TimeoutException or IOException => true,
        _ => false,
    };
}
