using System.Diagnostics;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>What Orleans' ADO.NET membership table says about one cluster: which silos are Active, which Dead.</summary>
internal sealed class MembershipTable(NpgsqlDataSource store, string clusterId)
{
    private const int ActiveStatus = 3;
    private const int DeadStatus = 6;

    /// <summary>Waits until <paramref name="count"/> silos are Active; fails when one of <paramref name="exited"/> says a
    /// silo process exited, or after <paramref name="bound"/>.</summary>
    public async Task WaitForActiveAsync(int count, Func<bool> exited, TimeSpan bound)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < bound)
        {
            if (exited())
            {
                throw new InvalidOperationException("A silo process exited during start-up.");
            }

            try
            {
                if (await CountAsync(ActiveStatus, port: null) == count)
                {
                    return;
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The silos have not migrated the database yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{count} silos were not Active in OrleansMembershipTable after {bound.TotalSeconds:N0} s.");
    }

    /// <summary>When the table first shows the silo on <paramref name="siloPort"/> Dead (a <see cref="Stopwatch"/>
    /// timestamp); null when not within <paramref name="bound"/> of <paramref name="since"/>.</summary>
    public async Task<long?> WaitForDeadAsync(int siloPort, long since, TimeSpan bound)
    {
        while (Stopwatch.GetElapsedTime(since) < bound)
        {
            if (await CountAsync(DeadStatus, siloPort) > 0)
            {
                return Stopwatch.GetTimestamp();
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>Silos of the cluster the table shows Dead.</summary>
    public Task<int> CountDeadAsync() => CountAsync(DeadStatus, port: null);

    private async Task<int> CountAsync(int status, int? port)
    {
        await using var command = store.CreateCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = $1 AND Status = $2 AND ($3::int IS NULL OR Port = $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = port is { } p ? p : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
