using System.Net;
using System.Text.Json.Nodes;
using Inventory.Contracts.Schemas;
using Inventory.EventStore;
using Orleans.Runtime;

namespace Inventory.Api.Tests;

/// <summary><c>GET /api/v1/schemas</c> lists the registered schemas, each link serves its document as checked in.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaEndpointTests(ApiFixture fixture)
{
    [Fact]
    public async Task GivenAnyKey_WhenListingSchemas_ThenEveryRegisteredTypeAndVersionIsListedWithItsStatusAndLink()
    {
        using var client = fixture.Client(TestKeys.Scanner);

        var list = JsonNode.Parse(await client.GetStringAsync("/api/v1/schemas"))!["schemas"]!.AsArray();

        Assert.Equal(
            EventSchemaRegistry.Embedded.Catalogue.Documents.Select(d => $"{d.Kind.ToString().ToLowerInvariant()} {d.Type} {d.Version} {d.Status} /api/v1/schemas/{d.Type}/{d.Version} {d.Id}"),
            list.Select(s => $"{s!["kind"]} {s["type"]} {s["version"]} {s["status"]} {s["href"]} {s["id"]}"));
        Assert.Contains(list, s => (string?)s!["type"] == "stock-adjusted" && (int)s["version"]! == 1 && (string?)s["status"] == "superseded");
        Assert.Contains(list, s => (string?)s!["type"] == "stock-adjusted" && (int)s["version"]! == 2 && (string?)s["status"] == "current");
        Assert.Contains(list, s => (string?)s!["kind"] == "snapshot" && (string?)s["type"] == "stock-item");
        Assert.Contains(list, s => (string?)s!["kind"] == "metadata" && (string?)s["type"] == "event-metadata");
    }

    [Fact]
    public async Task GivenEveryListedLink_WhenFollowed_ThenItServesTheCheckedInDocumentAsSchemaJson()
    {
        using var client = fixture.Client(TestKeys.Dashboard);
        var list = JsonNode.Parse(await client.GetStringAsync("/api/v1/schemas"))!["schemas"]!.AsArray();

        foreach (var summary in list)
        {
            using var response = await client.GetAsync((string)summary!["href"]!);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
            var document = SchemaCatalogue.Embedded.Find((string)summary["type"]!, (int)summary["version"]!)!;
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot(), document.Path)), await response.Content.ReadAsStringAsync());
            Assert.Equal((string?)summary["id"], (string?)JsonNode.Parse(document.Text)!["$id"]);
        }
    }

    [Theory]
    [InlineData("/api/v1/schemas/stock-teleported/1")]
    [InlineData("/api/v1/schemas/stock-received/2")]
    [InlineData("/api/v1/schemas/stock-received/0")]
    [InlineData("/api/v1/schemas/stock-received/-1")]
    [InlineData("/api/v1/schemas/stock-received/one")]
    [InlineData("/api/v1/schemas/stock-received/%201")]
    [InlineData("/api/v1/schemas/Stock-Received/1")]
    public async Task GivenNoSuchTypeOrVersion_WhenGettingASchema_Then404SchemaNotFound(string url)
    {
        using var client = fixture.Client(TestKeys.Operator);

        await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "schema-not-found");
    }

    [Fact]
    public async Task GivenTheClusterIsUnreachable_WhenReadingSchemas_ThenTheyAreStillServed()
    {
        await using var factory = new ApiFactory(ThrowingGrainFactory.Create(() => new SiloUnavailableException()), TestKeys.Settings());
        using var client = factory.WithKey(TestKeys.Dashboard);

        using var list = await client.GetAsync("/api/v1/schemas");
        using var document = await client.GetAsync("/api/v1/schemas/stock-received/1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (list.StatusCode, document.StatusCode));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inventory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Inventory.sln above the test's output directory.");
    }
}
