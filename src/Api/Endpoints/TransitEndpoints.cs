using Inventory.Api.Contracts;
using Inventory.Api.Hosting;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Inventory.Contracts.Projections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Api.Endpoints;

/// <summary>Stock on the road between warehouses (read side, from the items' transfer events): per warehouse, outgoing
/// and incoming; across the network, by transfer, overdue ones marked.</summary>
public static class TransitEndpoints
{
    public static IEndpointRouteBuilder MapTransitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Views").RequireAuthorization(ApiPolicies.Dashboard).AddEndpointFilter<ClusterStartedFilter>().WithWarehouseReadScope();
        group.MapGet("/warehouses/{warehouseId}/in-transit", GetWarehouseTransitAsync)
            .WithName("GetWarehouseInTransit")
            .WithSummary("A warehouse's units in transit: lines that left it and lines on their way to it, per SKU and transfer.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/in-transit", GetTransitAsync)
            .WithName("GetInTransit")
            .WithSummary("Every transfer with units in transit, oldest dispatch first; ?overdue=true for the overdue ones only.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<WarehouseTransitResponse>, ProblemHttpResult>> GetWarehouseTransitAsync(string warehouseId, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        QueryArguments.Id(warehouseId, "warehouseId", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var lines = await grains.GetGrain<IViewsGrain>(0).GetTransitAsync(warehouseId);
        var outgoing = lines.Where(l => l.FromWarehouseId == warehouseId).Select(ViewMapping.ToResponse).ToList();
        var incoming = lines.Where(l => l.ToWarehouseId == warehouseId).Select(ViewMapping.ToResponse).ToList();
        return TypedResults.Ok(new WarehouseTransitResponse(warehouseId, outgoing.Sum(l => l.InTransit), incoming.Sum(l => l.InTransit), outgoing, incoming));
    }

    private static async Task<Results<Ok<TransitResponse>, ProblemHttpResult>> GetTransitAsync(string? overdue, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var overdueOnly = QueryArguments.Flag(overdue, "overdue", false, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Result(ApiProblems.Validation(errors));
        }

        var lines = await grains.GetGrain<IViewsGrain>(0).GetTransitAsync(null);
        var transfers = lines
            .GroupBy(l => l.TransferId, StringComparer.Ordinal)
            .Select(g => new TransitTransferResponse(
                g.Key, g.First().FromWarehouseId, g.First().ToWarehouseId, g.Sum(l => l.InTransit), g.Max(l => l.DispatchedAt), g.First().Overdue,
                [.. g.Select(l => new TransitSkuResponse(l.Sku, l.InTransit))]))
            .ToList();
        var shown = overdueOnly ? transfers.Where(t => t.Overdue).ToList() : transfers;
        return TypedResults.Ok(new TransitResponse(transfers.Sum(t => t.InTransit), transfers.Count, transfers.Count(t => t.Overdue), shown));
    }
}
