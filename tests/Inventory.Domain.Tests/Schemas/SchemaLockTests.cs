using System.Text.Json.Nodes;
using Inventory.Contracts.Schemas;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>Registered schema versions are immutable: <c>schemas/registered.lock</c> holds each one's fingerprint.</summary>
public sealed class SchemaLockTests
{
    private static readonly SchemaCatalogue Catalogue = SchemaCatalogue.Embedded;

    private static string[] LockFile => File.ReadAllLines(Path.Combine(SchemaCatalogueTests.RepositoryRoot(), SchemaLock.Path));

    [Fact]
    public void GivenTheCheckedInSchemas_ThenEachIsLockedAsRegistered() => SchemaGateTests.AssertNoFailures(SchemaLock.Check(Catalogue, LockFile));

    [Fact]
    public void GivenARegisteredVersionEditedToAnotherStructure_ThenTheLockFailsSayingToRegisterTheNextVersion()
    {
        var edited = Edit("stock-received", 1, schema => schema["properties"]!["quantity"]!["maximum"] = 9223372036854775807);

        var failure = Assert.Single(SchemaLock.Check(edited, LockFile));

        Assert.StartsWith(
            "schemas/events/stock-received.v1.schema.json changed after it was registered: a registered version is immutable, since events were stored against it. " +
            "Put the new shape in version 2 (schemas/events/stock-received.v2.schema.json) with an upcaster from 1, and restore this file.",
            failure,
            StringComparison.Ordinal);
    }

    [Fact]
    public void GivenOnlyTitlesAndDescriptionsEdited_ThenTheLockHolds()
    {
        var edited = Edit("stock-picked", 1, schema =>
        {
            schema["description"] = "Reworded.";
            schema["properties"]!["quantity"]!["description"] = "Reworded too.";
            schema["$comment"] = "A note.";
        });

        Assert.Empty(SchemaLock.Check(edited, LockFile));
    }

    [Fact]
    public void GivenANewVersionNotLockedYet_ThenTheLockFailsWithTheLineToAdd()
    {
        var v2 = JsonNode.Parse(Catalogue.Find("stock-counted", 1)!.Text)!;
        v2["$id"] = SchemaCatalogue.IdBase + "events/stock-counted.v2.schema.json";
        var catalogue = new SchemaCatalogue(Catalogue.Documents.Select(d => (d.Path, d.Text)).Append(("schemas/events/stock-counted.v2.schema.json", v2.ToJsonString())));

        var failure = Assert.Single(SchemaLock.Check(catalogue, LockFile));

        Assert.Equal(
            $"schemas/events/stock-counted.v2.schema.json is not in schemas/registered.lock. Once this version is final (before any event is stored in it), add the line: {SchemaLock.LineOf(catalogue.Find("stock-counted", 2)!)}",
            failure);
    }

    [Fact]
    public void GivenALockedVersionRemoved_ThenTheLockFails()
    {
        var catalogue = new SchemaCatalogue(Catalogue.Documents.Where(d => d.Type != "stock-adjusted").Select(d => (d.Path, d.Text)));

        Assert.Equal(
            [
                "schemas/events/stock-adjusted.v1.schema.json is locked in schemas/registered.lock but no longer registered: events stored in that version would become unreadable. Restore it.",
                "schemas/events/stock-adjusted.v2.schema.json is locked in schemas/registered.lock but no longer registered: events stored in that version would become unreadable. Restore it.",
            ],
            SchemaLock.Check(catalogue, LockFile));
    }

    private static SchemaCatalogue Edit(string type, int version, Action<JsonNode> edit) =>
        new(Catalogue.Documents.Select(d =>
        {
            if (d.Type != type || d.Version != version)
            {
                return (d.Path, d.Text);
            }

            var schema = JsonNode.Parse(d.Text)!;
            edit(schema);
            return (d.Path, schema.ToJsonString());
        }));
}
