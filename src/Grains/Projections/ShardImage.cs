namespace Inventory.Projections;

/// <summary>An <see cref="IShardImage"/> of a projection whose shards keep a <typeparamref name="TView"/>.</summary>
public sealed class ShardImage<TView> : IShardImage
    where TView : IProjectionView, new()
{
    private readonly ProjectionShard<TView> _shard;

    private ShardImage(ShardRebuildContext context, string partition)
    {
        _shard = new ProjectionShard<TView>(new ShardState<TView>(), context.Environment, context.RetryPolicy, context.Time, context.Projection, partition);
    }

    public object State => _shard.State;

    /// <summary>Makes the image of <paramref name="partition"/>'s shard (<see cref="ProjectionDefinition.NewImage"/>).</summary>
    public static IShardImage Create(ShardRebuildContext context, string partition)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ShardImage<TView>(context, partition);
    }

    public Task<int> ApplyAsync(IReadOnlyList<ScannedEvent> events, CancellationToken cancellationToken) => _shard.ApplyAsync(events, cancellationToken);
}
