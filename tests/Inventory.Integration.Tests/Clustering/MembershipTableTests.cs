using System.Net;
using Inventory.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Inventory.Integration.Tests.Clustering;

/// <summary>
/// The membership contract as Orleans' own ADO.NET provider (silo table and client gateway list) sees it, run
/// against the migrated schema. Each test uses a cluster id of its own.
/// </summary>
public sealed class MembershipTableTests(MigratedTestDatabase database) : IClassFixture<MigratedTestDatabase>
{
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly DateTime _now = TruncateToMilliseconds(DateTime.UtcNow);

    [Fact]
    public async Task GivenANewCluster_WhenInitializedTwice_ThenItIsEmptyAtVersionZero()
    {
        await CreateTableAsync();
        var table = await CreateTableAsync();

        var data = await table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Equal("0", data.Version.VersionEtag);
    }

    [Fact]
    public async Task GivenTheCurrentVersion_WhenASiloIsInserted_ThenItIsReadBackWhole_AndTheVersionMovesOn()
    {
        var table = await CreateTableAsync();
        var entry = Entry(11111, SiloStatus.Joining);

        var inserted = await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());

        Assert.True(inserted);
        var all = await table.ReadAllAsync();
        Assert.Equal(1, all.Version.Version);
        var (read, etag) = Assert.Single(all.Members);
        Assert.Equal("1", etag);
        AssertSameEntry(entry, read);
        var row = await table.ReadRowAsync(entry.SiloAddress);
        AssertSameEntry(entry, Assert.Single(row.Members).Item1);
        Assert.Empty((await table.ReadRowAsync(Entry(22222).SiloAddress)).Members);
    }

    [Fact]
    public async Task GivenAStaleVersion_WhenASiloIsInsertedOrUpdated_ThenTheWriteIsRefused_AndNothingChanges()
    {
        var table = await CreateTableAsync();
        var stale = (await table.ReadAllAsync()).Version;
        var first = Entry(11111, SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(first, stale.Next()));

        var second = await table.InsertRowAsync(Entry(22222), stale.Next());
        first.Status = SiloStatus.Active;
        var update = await table.UpdateRowAsync(first, stale.VersionEtag, stale.Next());

        Assert.False(second);
        Assert.False(update);
        var all = await table.ReadAllAsync();
        Assert.Equal(1, all.Version.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(all.Members).Item1.Status);
    }

    [Fact]
    public async Task GivenTheSameSiloTwice_WhenInsertedAtTheCurrentVersion_ThenTheSecondInsertIsRefused()
    {
        var table = await CreateTableAsync();
        var entry = Entry(11111);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

        var again = await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());

        Assert.False(again);
        Assert.Equal(1, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task GivenTheRowEtag_WhenASiloIsUpdated_ThenStatusAndSuspicionsAreStored_AndTheVersionMovesOn()
    {
        var table = await CreateTableAsync();
        var entry = Entry(11111);
        var voter = Entry(22222).SiloAddress;
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadAllAsync();
        var (current, etag) = Assert.Single(read.Members);

        current.Status = SiloStatus.Dead;
        current.AddSuspector(voter, _now.AddSeconds(1));
        var updated = await table.UpdateRowAsync(current, etag, read.Version.Next());

        Assert.True(updated);
        var after = await table.ReadAllAsync();
        Assert.Equal(2, after.Version.Version);
        var stored = Assert.Single(after.Members).Item1;
        Assert.Equal(SiloStatus.Dead, stored.Status);
        var (suspector, time) = Assert.Single(stored.SuspectTimes!);
        Assert.Equal(voter, suspector);
        Assert.Equal(_now.AddSeconds(1), time);
    }

    [Fact]
    public async Task GivenEightWritersFromTheSameRead_WhenTheyUpdateAtOnce_ThenExactlyOneSucceeds()
    {
        var table = await CreateTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(11111), (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadAllAsync();
        var (entry, etag) = Assert.Single(read.Members);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var writer = await CreateTableAsync();
            var mine = Entry(11111);
            mine.Status = i % 2 == 0 ? SiloStatus.ShuttingDown : SiloStatus.Dead;
            return await writer.UpdateRowAsync(mine, etag, read.Version.Next());
        }));

        Assert.Single(results, r => r);
        Assert.Equal(2, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task GivenAHeartbeat_ThenOnlyTheAliveTimeChanges_AndNeverBackwards()
    {
        var table = await CreateTableAsync();
        var entry = Entry(11111);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

        entry.IAmAliveTime = _now.AddSeconds(10);
        await table.UpdateIAmAliveAsync(entry);
        entry.IAmAliveTime = _now.AddSeconds(5);
        await table.UpdateIAmAliveAsync(entry);

        var all = await table.ReadAllAsync();
        Assert.Equal(1, all.Version.Version);
        var stored = Assert.Single(all.Members).Item1;
        Assert.Equal(_now.AddSeconds(10), stored.IAmAliveTime);
        Assert.Equal(SiloStatus.Active, stored.Status);
    }

    [Fact]
    public async Task GivenSilosInSeveralStates_WhenAClientListsGateways_ThenOnlyActiveGatewaysAreListed()
    {
        var table = await CreateTableAsync();
        var active = Entry(11111);
        var joining = Entry(22222, SiloStatus.Joining);
        var noGateway = Entry(33333);
        noGateway.ProxyPort = 0;
        foreach (var entry in new[] { active, joining, noGateway })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = "Npgsql", ConnectionString = database.ConnectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = "test" }));
        await provider.InitializeGatewayListProviderAsync();

        var gateway = Assert.Single(await provider.GetGatewaysAsync());
        Assert.Equal("127.0.0.1", gateway.Host);
        Assert.Equal(active.ProxyPort, gateway.Port);
    }

    [Fact]
    public async Task GivenDeadSilos_WhenDefunctEntriesAreCleanedUp_ThenOnlyDeadSilosQuietSinceTheCutoffAreRemoved()
    {
        var table = await CreateTableAsync();
        var old = _now.AddHours(-2);
        var activeOld = Entry(11111, SiloStatus.Active, old);
        var deadOld = Entry(22222, SiloStatus.Dead, old);
        deadOld.AddSuspector(activeOld.SiloAddress, old.AddMinutes(1));
        var deadRecentlyAlive = Entry(33333, SiloStatus.Dead, old);
        deadRecentlyAlive.IAmAliveTime = _now;
        var deadRecentlySuspected = Entry(44444, SiloStatus.Dead, old);
        deadRecentlySuspected.AddSuspector(activeOld.SiloAddress, _now);
        foreach (var entry in new[] { activeOld, deadOld, deadRecentlyAlive, deadRecentlySuspected })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
            if (entry.SuspectTimes is { Count: > 0 })
            {
                var read = await table.ReadAllAsync();
                Assert.True(await table.UpdateRowAsync(entry, read.Version.VersionEtag, read.Version.Next()));
            }
        }

        await table.CleanupDefunctSiloEntriesAsync(_now.AddHours(-1));

        var left = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order();
        Assert.Equal([11111, 33333, 44444], left);
    }

    [Fact]
    public async Task WhenTheClusterIsDeleted_ThenItsMembersAndVersionAreGone_AndOtherClustersAreKept()
    {
        var table = await CreateTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(11111), (await table.ReadAllAsync()).Version.Next()));
        var otherCluster = $"other-{Guid.NewGuid():N}";
        var other = await CreateTableAsync(otherCluster);
        Assert.True(await other.InsertRowAsync(Entry(11111), (await other.ReadAllAsync()).Version.Next()));

        await table.DeleteMembershipTableEntriesAsync(_clusterId);

        Assert.Equal(0, await CountAsync("OrleansMembershipTable", _clusterId));
        Assert.Equal(0, await CountAsync("OrleansMembershipVersionTable", _clusterId));
        Assert.Single((await other.ReadAllAsync()).Members);
    }

    private async Task<AdoNetClusteringTable> CreateTableAsync(string? clusterId = null)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId ?? _clusterId, ServiceId = "test" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = database.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Active, DateTime? time = null) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = status,
        ProxyPort = port + 1,
        StartTime = time ?? _now,
        IAmAliveTime = time ?? _now,
    };

    private static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Null(actual.SuspectTimes);
    }

    private async Task<long> CountAsync(string table, string clusterId)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE DeploymentId = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static DateTime TruncateToMilliseconds(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
