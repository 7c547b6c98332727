using System.Data.Common;
using Npgsql;

namespace Inventory.Hosting;

/// <summary>
/// What a silo's connection string gets unless it says otherwise: a connection pool of <see cref="MaxPoolSize"/>
/// (not Npgsql's 100), statements prepared automatically (<see cref="MaxAutoPrepare"/>), and no reset of a
/// connection returned to the pool. A setting the connection string gives, in any spelling Npgsql takes, is kept.
/// </summary>
/// <remarks>
/// <para><b>Pool size.</b> A silo needs few connections at once: appends go through the store's writers in batches, and
/// the rest are short reads (activations, catch-up pages) and grain state writes. Beyond a few connections per core of
/// the database server, more concurrent transactions only queue inside PostgreSQL instead of in the pool, where they
/// cost nothing: measured on the 2-core benchmark machine, one-row transactions at 1,400/s had a p99 of 73 ms with a
/// pool of 80 and 10 ms with a pool of 8. Size <c>max_connections</c> for every silo's pool plus the API's.</para>
/// <para><b>Automatic preparation.</b> A silo runs a few dozen distinct statements (reads of a stream, of a snapshot,
/// of the log; grain state; membership) thousands of times; unprepared, PostgreSQL plans each execution again. Npgsql
/// prepares a statement on a connection after its fifth use there, keeping up to <see cref="MaxAutoPrepare"/> per
/// connection. Behind a pooler in transaction mode that does not track prepared statements, set
/// <c>Max Auto Prepare=0</c>.</para>
/// <para><b>No reset on close.</b> By default Npgsql resets a connection the pool hands out again: <c>DISCARD ALL</c>,
/// or with automatic preparation seven statements that keep the prepared ones. Nothing a silo runs leaves session state
/// behind (its only lock, the migrations', is transaction-scoped; no session <c>SET</c>, temporary table or
/// <c>LISTEN</c>), so there is nothing to reset. Code that adds session state must undo it itself.</para>
/// </remarks>
public static class PostgresConnectionDefaults
{
    /// <summary>The pool size when the connection string sets none.</summary>
    public const int MaxPoolSize = 20;

    /// <summary>How many statements each connection keeps prepared when the connection string does not say.</summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>Each default: the keywords Npgsql takes for it (compared without case or spaces), and how to set it.</summary>
    private static readonly (string[] Keywords, Action<NpgsqlConnectionStringBuilder> Set)[] Defaults =
    [
        (["maximumpoolsize", "maxpoolsize"], builder => builder.MaxPoolSize = MaxPoolSize),
        (["maxautoprepare"], builder => builder.MaxAutoPrepare = MaxAutoPrepare),
        (["noresetonclose"], builder => builder.NoResetOnClose = true),
    ];

    /// <summary>Returns <paramref name="connectionString"/> with every default it does not set added; what it sets is
    /// kept as given.</summary>
    public static string Apply(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var missing = Defaults.Where(d => !d.Keywords.Any(given.Contains)).ToList();
        if (missing.Count == 0)
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        foreach (var (_, set) in missing)
        {
            set(builder);
        }

        return builder.ConnectionString;
    }
}
