using Inventory.Cli;
using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Cli;
using Inventory.Integration.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Integration.Tests.Persistence;

/// <summary>What a silo writes to PostgreSQL (events with their metadata, and snapshots) matches the registered schemas,
/// as jsonb hands it back; and the audit that checks every test database before it is dropped catches a row that does not.</summary>
public sealed class LedgerSchemaTests(CliSilo silo) : IClassFixture<CliSilo>
{
    [Fact]
    public async Task GivenEveryKindOfMovementWrittenBySilo_WhenTheLedgerIsAudited_ThenEveryEventAndSnapshotMatchesItsSchema()
    {
        var key = $"wh-schema-{Guid.NewGuid():N}"[..16] + "/sku-1";
        var item = silo.Grains.GetGrain<IStockItemGrain>(key);
        StockCommand[] commands =
        [
            new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 20, ScannerId = "dock-1", OccurredAt = DateTimeOffset.UtcNow.AddSeconds(-5) },
            new ReserveStock { MovementId = Guid.NewGuid(), Quantity = 6, ReservationId = "order-1" },
            new PickStock { MovementId = Guid.NewGuid(), Quantity = 2, ReservationId = "order-1" },
            new PickStock { MovementId = Guid.NewGuid(), Quantity = 1 },
            new ReleaseReservation { MovementId = Guid.NewGuid(), ReservationId = "order-1", Quantity = 1 },
            new AdjustStock { MovementId = Guid.NewGuid(), Delta = -2, Reason = "damaged" },
            new CountStock { MovementId = Guid.NewGuid(), CountedQuantity = 12 },
            new SetReorderPoint { MovementId = Guid.NewGuid(), ReorderPoint = 3 },
        ];
        foreach (var command in commands)
        {
            Assert.True((await item.ExecuteAsync(command)).Accepted, command.ToString());
        }

        var report = await LedgerSchemaAudit.RunAsync(silo.ConnectionString);

        Assert.True(report.Violations.Count == 0, report.ToString());
        Assert.True(report.Events >= commands.Length, report.ToString());
        Assert.True(report.Snapshots >= 1, report.ToString());
        var types = (await Ledger.ReadAsync(silo.ConnectionString, key)).Select(e => e.Type).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["reorder-point-set", "reservation-released", "stock-adjusted", "stock-counted", "stock-picked", "stock-received", "stock-reserved"], types);
    }

    [Fact]
    public async Task GivenARowAlteredByHandToAnotherShape_WhenTheLedgerIsAudited_ThenItIsReported()
    {
        var key = $"wh-schema-{Guid.NewGuid():N}"[..16] + "/sku-2";
        await silo.Grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 4 });
        LedgerSchemaReport report;
        await using (var connection = new NpgsqlConnection(silo.ConnectionString))
        {
            // The ledger refuses updates (a trigger); a superuser tampering by hand switches triggers off for the session.
            await connection.OpenAsync();
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync();
            await Tamper(connection, key, "jsonb_set(data, '{quantity}', '\"four\"')");
            try
            {
                report = await LedgerSchemaAudit.RunAsync(silo.ConnectionString);
            }
            finally
            {
                // Put it back, or the test database's own audit would fail when it is dropped.
                await Tamper(connection, key, "jsonb_set(data, '{quantity}', '4')");
            }
        }

        var violation = Assert.Single(report.Violations);
        Assert.Equal($"events {key} v1: stock-received v1 does not match its registered schema: /quantity: Value is \"string\" but should be \"integer\" (type)", violation);
        Assert.Empty((await LedgerSchemaAudit.RunAsync(silo.ConnectionString)).Violations);
    }

    private static async Task Tamper(NpgsqlConnection connection, string key, string data)
    {
        await using var tamper = new NpgsqlCommand($"UPDATE events SET data = {data} WHERE stream_id = $1 AND version = 1", connection);
        tamper.Parameters.Add(new NpgsqlParameter { Value = key });
        Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
    }
}
