using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace Inventory.Hosting;

/// <summary>Composition of grain storage and reminders on PostgreSQL (the projections' shards and coordinators keep their
/// state there; the process managers their reminders).</summary>
public static class PostgresGrainStorageExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Adds <see cref="ProviderNames.GrainStorage"/> as Orleans ADO.NET grain storage on the registered
    /// <see cref="NpgsqlDataSource"/> (one connection pool for the whole silo), writing state with Orleans' binary
    /// serializer (see <see cref="CreateStateSerializer"/>).
    /// </summary>
    public static ISiloBuilder AddInventoryPostgresGrainStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddAdoNetGrainStorage(ProviderNames.GrainStorage, storage => storage
            .Configure<NpgsqlDataSource, Serializer, OrleansJsonSerializer>((options, dataSource, serializer, json) =>
            {
                options.Invariant = Invariant;
                options.DataSource = dataSource;
                options.GrainStorageSerializer = CreateStateSerializer(serializer, json);
            }));
    }

    /// <summary>Orleans ADO.NET reminders (the process managers' wake-ups) on the registered <see cref="NpgsqlDataSource"/>;
    /// the table is migration 0104.</summary>
    public static ISiloBuilder AddInventoryPostgresReminders(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.UseAdoNetReminderService(reminders => reminders.Configure<NpgsqlDataSource>((options, dataSource) =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
        }));
    }

    /// <summary>
    /// Writes grain state with Orleans' binary serializer (far fewer allocations than its default JSON for the views'
    /// checkpoints), and reads state written by earlier versions in JSON as well; the state types are version tolerant
    /// either way (<c>[Id]</c>).
    /// </summary>
    public static IGrainStorageSerializer CreateStateSerializer(Serializer serializer, OrleansJsonSerializer json) =>
        new GrainStorageSerializer(new OrleansGrainStorageSerializer(serializer), new JsonGrainStorageSerializer(json));
}
