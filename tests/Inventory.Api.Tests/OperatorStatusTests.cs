using Inventory.Cli;

namespace Inventory.Api.Tests;

/// <summary>The operator tool's <c>status</c>, through the API.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperatorStatusTests(ApiFixture fixture)
{
    [Fact]
    public async Task GivenAnOperatorKey_WhenReadingStatus_ThenSilosAndEveryProjectionArePrinted()
    {
        using var output = new StringWriter();

        var exit = await StatusCommand.RunAsync(fixture.Client(TestKeys.Operator), output, json: false, CancellationToken.None);

        Assert.Equal(OperatorCommands.Ok, exit);
        var text = output.ToString();
        Assert.Contains("silos: 1 active", text, StringComparison.Ordinal);
        Assert.Contains("warehouses", text, StringComparison.Ordinal);
        Assert.Contains("skus", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenJson_WhenReadingStatus_ThenOneDocumentWithClusterAndProjections()
    {
        using var output = new StringWriter();

        var exit = await StatusCommand.RunAsync(fixture.Client(TestKeys.Operator), output, json: true, CancellationToken.None);

        Assert.Equal(OperatorCommands.Ok, exit);
        var document = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!;
        Assert.Equal(1, (int)document["cluster"]!["activeSilos"]!);
        Assert.True(document["projections"]!.AsArray().Count >= 2);
    }

    [Fact]
    public async Task GivenADashboardKey_WhenReadingStatus_ThenRefused()
    {
        using var output = new StringWriter();

        var exit = await StatusCommand.RunAsync(fixture.Client(TestKeys.Dashboard), output, json: false, CancellationToken.None);

        Assert.Equal(OperatorCommands.Refused, exit);
        Assert.Contains("operator key", output.ToString(), StringComparison.Ordinal);
    }
}
