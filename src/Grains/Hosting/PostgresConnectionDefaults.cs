using System.Data.Common;
using Npgsql;

namespace Inventory.Hosting;

/// <summary>
/// What a silo's connection string gets unless it says otherwise: a connection pool of <see cref="MaxPoolSize"/>
/// (not Npgsql's 100), statements prepared automatically (<see cref="MaxAutoPrepare"/>), and no reset of a
/// connection returned to the pool. A setting the connection string gives, in any spelling Npgsql takes, is kept.
/// </summary>
/// <remarks>
/// A small pool, because more concurrent transactions than the server has cores only queue inside PostgreSQL; prepared
/// statements, because a silo runs a few dozen statements thousands of times (behind a pooler in transaction mode, set
/// <c>Max Auto Prepare=0</c>); no reset, because nothing a silo runs leaves session state behind (code that adds some
/// must undo it itself). The measurements: <c>docs/operations.md</c>, "The PostgreSQL server".
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
