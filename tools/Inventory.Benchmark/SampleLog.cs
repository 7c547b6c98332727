using System.Collections;

namespace Inventory.Benchmark;

/// <summary>
/// An append-only, thread-safe store of samples that stays out of the measured process's young collections: samples
/// go into chunks large enough for the large object heap and are never copied (a growing bag was copied, and its
/// copies scanned, by the silo's own gen0/gen1 collections).
/// </summary>
/// <remarks>Read (<see cref="ToArray"/>, enumerate) once the writers have finished.</remarks>
internal sealed class SampleLog<T> : IReadOnlyCollection<T>
    where T : unmanaged
{
    private const int Shift = 14;
    private const int ChunkLength = 1 << Shift;
    private const int MaxChunks = 4096;

    private readonly Lock _grow = new();
    private readonly T[]?[] _chunks = new T[]?[MaxChunks];
    private long _taken;
    private long _written;

    /// <summary>Samples written so far.</summary>
    public int Count => (int)Math.Min(Volatile.Read(ref _written), Volatile.Read(ref _taken));

    public void Add(T sample)
    {
        var index = Interlocked.Increment(ref _taken) - 1;
        var chunk = (int)(index >> Shift);
        if (chunk >= MaxChunks)
        {
            throw new InvalidOperationException($"A sample log holds at most {(long)MaxChunks * ChunkLength:N0} samples.");
        }

        var samples = Volatile.Read(ref _chunks[chunk]) ?? Grow(chunk);
        samples[index & (ChunkLength - 1)] = sample;
        Interlocked.Increment(ref _written);
    }

    public T[] ToArray()
    {
        var count = Volatile.Read(ref _taken);
        SpinWait.SpinUntil(() => Volatile.Read(ref _written) >= count, TimeSpan.FromSeconds(1));
        var all = new T[count];
        for (long copied = 0; copied < count; copied += ChunkLength)
        {
            var length = (int)Math.Min(ChunkLength, count - copied);
            Array.Copy(_chunks[copied >> Shift]!, 0, all, copied, length);
        }

        return all;
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)ToArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T[] Grow(int chunk)
    {
        lock (_grow)
        {
            return _chunks[chunk] ??= new T[ChunkLength];
        }
    }
}
