using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// PostgreSQL's own count of its WAL work (<c>pg_stat_wal</c>), read before and after a phase: how much WAL it wrote,
/// how many times it flushed it to disk, and, when the server has <c>track_wal_io_timing</c> on (build/bench.sh's
/// server does), how long those flushes took. Backends report their counts at most once a second, so a phase's figures
/// are good to about a second at either end.
/// </summary>
internal sealed record WalActivity(long Bytes, long FullPageImages, long Writes, long Syncs, double WriteMillis, double SyncMillis, bool Timed)
{
    public static async Task<WalActivity> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT wal_bytes::bigint, wal_fpi, wal_write, wal_sync, wal_write_time, wal_sync_time, current_setting('track_wal_io_timing')::bool FROM pg_stat_wal");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new WalActivity(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetBoolean(6));
    }

    /// <summary>What happened between <paramref name="before"/> and this reading.</summary>
    public string Since(WalActivity before)
    {
        var syncs = Syncs - before.Syncs;
        var written = $"{(Bytes - before.Bytes) / 1048576.0:N0} MB of WAL ({FullPageImages - before.FullPageImages:N0} full-page images), {Writes - before.Writes:N0} writes, {syncs:N0} flushes";
        return Timed
            ? $"{written}: {SyncMillis - before.SyncMillis:N0} ms flushing in all ({(SyncMillis - before.SyncMillis) / Math.Max(1, syncs):N2} ms a flush), {WriteMillis - before.WriteMillis:N0} ms writing"
            : $"{written} (track_wal_io_timing off on the server: their times not measured)";
    }
}
