using Inventory.Contracts.Schemas;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>The catalogue refuses files that would make the registry lie: misnamed, misidentified, or with gaps.</summary>
public sealed class SchemaCatalogueTests
{
    [Fact]
    public void GivenEveryCheckedInFile_ThenItIsEmbeddedAndRegistered()
    {
        var root = RepositoryRoot();
        var files = System.IO.Directory.GetFiles(Path.Combine(root, "schemas"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, SchemaCatalogue.Embedded.Documents.Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.All(SchemaCatalogue.Embedded.Documents, d => Assert.Equal(System.IO.File.ReadAllText(Path.Combine(root, d.Path)), d.Text));
    }

    [Fact]
    public void GivenTwoVersionsOfAType_ThenTheHigherIsCurrentAndTheLowerSuperseded()
    {
        var catalogue = new SchemaCatalogue([SchemaFile("events", "thing-done", 2), SchemaFile("events", "thing-done", 1)]);

        Assert.Equal(["thing-done v1 superseded", "thing-done v2 current"], catalogue.Documents.Select(d => $"{d.Type} v{d.Version} {d.Status}"));
        Assert.Equal(2, catalogue.Current("thing-done")!.Version);
    }

    [Fact]
    public void GivenAGapInTheVersions_ThenLoadingFails()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new SchemaCatalogue([SchemaFile("events", "thing-done", 1), SchemaFile("events", "thing-done", 3)]));

        Assert.Equal("Schema versions of 'thing-done' must run 1, 2, ... without gaps or repeats; found 1, 3.", ex.Message);
    }

    [Theory]
    [InlineData("schemas/events/ThingDone.v1.schema.json")]
    [InlineData("schemas/events/thing-done.schema.json")]
    [InlineData("schemas/events/thing-done.v0.schema.json")]
    [InlineData("schemas/other/thing-done.v1.schema.json")]
    public void GivenAMisnamedFile_ThenLoadingFails(string path) =>
        Assert.Throws<InvalidDataException>(() => new SchemaCatalogue([(path, Text(SchemaCatalogue.IdBase + "events/thing-done.v1.schema.json"))]));

    [Fact]
    public void GivenAnIdThatIsNotItsPath_ThenLoadingFails()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new SchemaCatalogue([("schemas/events/thing-done.v1.schema.json", Text(SchemaCatalogue.IdBase + "events/other.v1.schema.json"))]));

        Assert.Contains("must have \"$id\": \"https://inventory.example/schemas/events/thing-done.v1.schema.json\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnotherDialect_ThenLoadingFails() =>
        Assert.Throws<InvalidDataException>(() => new SchemaCatalogue([("schemas/events/thing-done.v1.schema.json",
            Text(SchemaCatalogue.IdBase + "events/thing-done.v1.schema.json").Replace("2020-12", "2019-09", StringComparison.Ordinal))]));

    [Fact]
    public void GivenOneTypeUnderTwoKinds_ThenLoadingFails() =>
        Assert.Throws<InvalidDataException>(() => new SchemaCatalogue([SchemaFile("events", "thing-done", 1), SchemaFile("snapshots", "thing-done", 1)]));

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Inventory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Inventory.sln above the test's output directory.");
    }

    private static (string Path, string Text) SchemaFile(string folder, string type, int version)
    {
        var path = $"schemas/{folder}/{type}.v{version}.schema.json";
        return (path, Text(SchemaCatalogue.IdBase + path["schemas/".Length..]));
    }

    private static string Text(string id) =>
        $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"{{id}}","title":"t","type":"object"}""";
}
