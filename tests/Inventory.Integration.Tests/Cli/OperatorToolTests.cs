using Inventory.Cli;
using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Inventory.Integration.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Integration.Tests.Cli;

/// <summary>The operator tool's PostgreSQL commands against a real database: the migrations and the ledger audit.</summary>
public sealed class OperatorToolTests(CliSilo silo) : IClassFixture<CliSilo>
{
    [Fact]
    public async Task GivenAnEmptyDatabase_WhenMigrating_ThenVerifyFailsBeforeApplyAndPassesAfter_AndCatchesAChangedMigration()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            var before = await RunAsync("migrate", "verify", "--connection", database.ConnectionString);
            var applied = await RunAsync("migrate", "apply", "--connection", database.ConnectionString);
            var after = await RunAsync("migrate", "status", "--json", "--connection", database.ConnectionString);
            await using (var dataSource = database.CreateDataSource())
            {
                await using var tamper = dataSource.CreateCommand("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
                await tamper.ExecuteNonQueryAsync();
            }

            var changed = await RunAsync("migrate", "verify", "--connection", database.ConnectionString);

            Assert.Equal(OperatorCommands.Findings, before.Exit);
            Assert.Contains(" pending", before.Output, StringComparison.Ordinal);
            Assert.Equal(OperatorCommands.Ok, applied.Exit);
            Assert.Equal(OperatorCommands.Ok, after.Exit);
            Assert.DoesNotContain("\"pending\"", after.Output, StringComparison.Ordinal);
            Assert.Contains("\"state\":\"applied\"", after.Output, StringComparison.Ordinal);
            Assert.Equal(OperatorCommands.Findings, changed.Exit);
            Assert.Contains(" changed ", changed.Output, StringComparison.Ordinal);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task GivenALedgerWrittenByTheSilo_WhenVerified_ThenSound_AndARowAlteredByHandIsCaught()
    {
        var key = $"wh-cli-{Guid.NewGuid():N}"[..16] + "/sku-1";
        var item = silo.Grains.GetGrain<IStockItemGrain>(key);
        await item.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 10 });
        await item.ExecuteAsync(new ReserveStock { MovementId = Guid.NewGuid(), Quantity = 4, ReservationId = "order-1" });
        await item.ExecuteAsync(new PickStock { MovementId = Guid.NewGuid(), Quantity = 4, ReservationId = "order-1" });
        await item.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 2 });

        var sound = await RunAsync("verify", "--connection", silo.ConnectionString);
        await using (var connection = new NpgsqlConnection(silo.ConnectionString))
        {
            // The ledger refuses updates (a trigger); a superuser tampering by hand switches triggers off for the session.
            await connection.OpenAsync();
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync();
            await using var tamper = new NpgsqlCommand(
                "UPDATE events SET data = jsonb_set(data, '{quantity}', '7') WHERE stream_id = $1 AND version = 4", connection);
            tamper.Parameters.Add(new NpgsqlParameter { Value = key });
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var caught = await RunAsync("verify", "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, sound.Exit);
        Assert.Contains("snapshots checked: the ledger is sound", sound.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Findings, caught.Exit);
        Assert.Contains($"{key} v4: the event says on hand 8", caught.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenATransferDoneOnPostgres_WhenVerified_ThenSound_AndAReceiptInflatedByHandIsCaughtByTheConservationCheck()
    {
        var (from, to) = ($"wh-a-{Guid.NewGuid():N}"[..14], $"wh-b-{Guid.NewGuid():N}"[..14]);
        var transferId = $"t-{Guid.NewGuid():N}"[..16];
        await silo.Grains.GetGrain<IStockItemGrain>($"{from}/sku-1").ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 10 });
        var transfer = silo.Grains.GetGrain<ITransferGrain>(transferId);
        var started = await transfer.StartAsync(new StartTransfer { FromWarehouseId = from, ToWarehouseId = to, Lines = [new("sku-1", 6)] });
        var received = await transfer.ReceiveAsync(new ReceiveTransferLines { ReceiptId = Guid.NewGuid(), Lines = [new("sku-1", 6)] });

        // The class's tests share one database, and another tampers with it: only this transfer's findings count here.
        var sound = await RunAsync("verify", "--max", "1000", "--connection", silo.ConnectionString);
        await using (var connection = new NpgsqlConnection(silo.ConnectionString))
        {
            // Nine arrive where six left, with the item's balance made to agree: only the transfer's books are off.
            await connection.OpenAsync();
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync();
            await using var tamper = new NpgsqlCommand(
                """UPDATE events SET data = data || '{"quantity":9,"onHandAfter":9}' WHERE stream_id = $1 AND type = 'transfer-received'""", connection);
            tamper.Parameters.Add(new NpgsqlParameter { Value = $"{to}/sku-1" });
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var caught = await RunAsync("verify", "--max", "1000", "--connection", silo.ConnectionString);
        await using (var connection = new NpgsqlConnection(silo.ConnectionString))
        {
            // Put the row back: the class's other tests expect a sound ledger.
            await connection.OpenAsync();
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync();
            await using var restore = new NpgsqlCommand(
                """UPDATE events SET data = data || '{"quantity":6,"onHandAfter":6}' WHERE stream_id = $1 AND type = 'transfer-received'""", connection);
            restore.Parameters.Add(new NpgsqlParameter { Value = $"{to}/sku-1" });
            await restore.ExecuteNonQueryAsync();
        }

        Assert.Equal((TransferStatuses.InTransit, TransferStatuses.Completed), (started.Transfer!.Status, received.Transfer!.Status));
        Assert.DoesNotContain(transferId, sound.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(from, sound.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(to, sound.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Findings, caught.Exit);
        Assert.Contains($"transfer:{transferId} v0: SKU sku-1: received + returned exceeded dispatched by 3 in the ledger", caught.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(to + "/sku-1", caught.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnUnknownOption_WhenRun_ThenRefused()
    {
        var result = await RunAsync("verify", "--conection", silo.ConnectionString);

        Assert.Equal(1, result.Exit);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var run = await OperatorTool.RunAsync(args);
        return (run.Exit, run.Output);
    }
}
