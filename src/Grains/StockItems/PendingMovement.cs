using System.Diagnostics;
using Inventory.Contracts.StockItems;

namespace Inventory.StockItems;

/// <summary>A command waiting in a stock item's queue, and the caller waiting for its answer.</summary>
internal sealed class PendingMovement(StockCommand command)
{
    private readonly TaskCompletionSource<MovementResult> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StockCommand Command { get; } = command;

    /// <summary>The trace of the grain call that brought the command (default when nothing traces).</summary>
    public ActivityContext Trace { get; } = Activity.Current?.Context ?? default;

    public Task<MovementResult> Answer => _answer.Task;

    public bool Answered => _answer.Task.IsCompleted;

    public void Complete(MovementResult result) => _answer.TrySetResult(result);

    public void Fail(Exception error) => _answer.TrySetException(error);
}
