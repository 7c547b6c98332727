using System.Data.Common;
using Inventory.Contracts.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Audit;

/// <summary>The <see cref="IOperatorAuditStore"/> on PostgreSQL (table <c>operator_audit</c> of migration 0010).
/// Timestamps are kept to the microsecond; texts to <see cref="OperatorAuditText.MaxLength"/> characters.</summary>
public sealed class PostgresOperatorAuditStore(NpgsqlDataSource dataSource) : IOperatorAuditStore
{
    private const string Columns = "id, at, actor, action, target, outcome, status, problem, trace_id";

    public async Task<OperatorAction> AppendAsync(OperatorAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var clean = OperatorAuditText.Clean(action);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO operator_audit (at, actor, action, target, outcome, status, problem, trace_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            RETURNING {Columns}
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = clean.At.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clean.Actor });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clean.Action });
        command.Parameters.Add(Text(clean.Target));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clean.Outcome });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = clean.Status });
        command.Parameters.Add(Text(clean.Problem));
        command.Parameters.Add(Text(clean.TraceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<IReadOnlyList<OperatorAction>> ListAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM operator_audit WHERE id > $1 ORDER BY id LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actions = new List<OperatorAction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.Add(Read(reader));
        }

        return actions;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static OperatorAction Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetFieldValue<DateTimeOffset>(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        reader.GetInt32(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8));
}
