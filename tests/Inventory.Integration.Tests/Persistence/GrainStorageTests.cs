using Inventory.Hosting;
using Inventory.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace Inventory.Integration.Tests.Persistence;

/// <summary>Grain state through the ADO.NET storage provider on the migrated schema, as the silo registers it.</summary>
[Collection(SiloCollection.Name)]
public sealed class GrainStorageTests(InProcessPostgresSilo silo) : IClassFixture<InProcessPostgresSilo>
{
    private const string DirectGrainType = "test-direct";

    private IGrainFactory Grains => silo.Services.GetRequiredService<IGrainFactory>();

    private IGrainStorage Storage => silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderNames.GrainStorage);

    [Fact]
    public async Task GivenAGrainThatWroteItsState_WhenItIsActivatedAgain_ThenItReadsTheStateBackFromPostgres()
    {
        var key = $"counter-{Guid.NewGuid():N}";
        var counter = Grains.GetGrain<ICounterGrain>(key);
        for (var i = 0; i < 3; i++)
        {
            await counter.IncrementAsync();
        }

        await counter.DeactivateAsync();
        var reactivated = await counter.GetAsync();

        Assert.Equal(new CounterSnapshot(3, "3", RecordExists: true), reactivated);
        Assert.Equal(3, await StoredVersionAsync(key));
    }

    [Fact]
    public async Task GivenAStoredState_WhenASecondFirstWriteOrAStaleWriteArrives_ThenItIsRefusedAsInconsistent()
    {
        // A Guid key: no key extension, so the identity's extension column is NULL.
        var grainId = GrainId.Create(GrainType.Create(DirectGrainType), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));
        var first = new GrainState<CounterState>(new CounterState { Value = 1 });
        await Storage.WriteStateAsync(DirectGrainType, grainId, first);
        var stale = new GrainState<CounterState>();
        await Storage.ReadStateAsync(DirectGrainType, grainId, stale);
        first.State = new CounterState { Value = 2 };
        await Storage.WriteStateAsync(DirectGrainType, grainId, first);

        var secondFirstWrite = new GrainState<CounterState>(new CounterState { Value = 99 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(DirectGrainType, grainId, secondFirstWrite));
        stale.State = new CounterState { Value = 98 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(DirectGrainType, grainId, stale));

        var current = new GrainState<CounterState>();
        await Storage.ReadStateAsync(DirectGrainType, grainId, current);
        Assert.Equal((2, "2", true), (current.State?.Value, current.ETag, current.RecordExists));
    }

    [Fact]
    public async Task GivenAStoredState_WhenCleared_ThenReadsGiveTheDefaultStateWithTheNextVersion()
    {
        var grainId = GrainId.Create(DirectGrainType, $"cleared-{Guid.NewGuid():N}");
        var state = new GrainState<CounterState>(new CounterState { Value = 7 });
        await Storage.WriteStateAsync(DirectGrainType, grainId, state);

        await Storage.ClearStateAsync(DirectGrainType, grainId, state);

        var read = new GrainState<CounterState>();
        await Storage.ReadStateAsync(DirectGrainType, grainId, read);
        Assert.Equal((0, "2", false), (read.State?.Value, read.ETag, read.RecordExists));
        read.State = new CounterState { Value = 8 };
        await Storage.WriteStateAsync(DirectGrainType, grainId, read);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task GivenAStateAnEarlierVersionStoredAsJson_WhenItIsRead_ThenItLoadsAndTheNextWriteStoresItInBinary()
    {
        var key = $"json-{Guid.NewGuid():N}";
        var grainId = GrainId.Create(DirectGrainType, key);
        await Storage.WriteStateAsync(DirectGrainType, grainId, new GrainState<CounterState>(new CounterState { Value = 1 }));
        // What Orleans' default (JSON) storage serializer wrote, which this project used before.
        var json = new JsonGrainStorageSerializer(silo.Services.GetRequiredService<OrleansJsonSerializer>())
            .Serialize(new CounterState { Value = 42 }).ToArray();
        await SetPayloadAsync(key, json);

        var read = new GrainState<CounterState>();
        await Storage.ReadStateAsync(DirectGrainType, grainId, read);
        Assert.Equal(42, read.State?.Value);

        read.State = new CounterState { Value = 43 };
        await Storage.WriteStateAsync(DirectGrainType, grainId, read);
        var stored = await PayloadAsync(key);
        var reread = new GrainState<CounterState>();
        await Storage.ReadStateAsync(DirectGrainType, grainId, reread);

        Assert.Equal((byte)'{', json[0]);
        Assert.NotEqual((byte)'{', stored[0]);
        Assert.True(stored.Length < json.Length, $"binary payload {stored.Length} bytes, JSON {json.Length}");
        Assert.Equal(43, reread.State?.Value);
    }

    private async Task SetPayloadAsync(string key, byte[] payload)
    {
        await using var dataSource = NpgsqlDataSource.Create(silo.Database.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "UPDATE OrleansStorage SET PayloadBinary = $3 WHERE ServiceId = $1 AND GrainIdExtensionString = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = InProcessPostgresSilo.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<byte[]> PayloadAsync(string key)
    {
        await using var dataSource = NpgsqlDataSource.Create(silo.Database.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT PayloadBinary FROM OrleansStorage WHERE ServiceId = $1 AND GrainIdExtensionString = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = InProcessPostgresSilo.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (byte[])(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No stored state for {key}."));
    }

    private async Task<int?> StoredVersionAsync(string key)
    {
        await using var dataSource = NpgsqlDataSource.Create(silo.Database.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT Version FROM OrleansStorage WHERE ServiceId = $1 AND GrainIdExtensionString = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = InProcessPostgresSilo.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (int?)await command.ExecuteScalarAsync();
    }
}
