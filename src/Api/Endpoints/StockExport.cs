using System.Globalization;
using Inventory.Contracts.AsOf;
using Inventory.Contracts.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Inventory.Api.Endpoints;

/// <summary>
/// The CSV export of a warehouse's stock, live or as of an instant: every SKU (after a SKU, to resume), read from the
/// silo a page of <see cref="PageSize"/> at a time and streamed as it comes (<see cref="StockCsv"/>). The first page is
/// read before the response starts, so a failure then is still a problem response; a failure later cuts the download
/// short (the connection is aborted, with no last line ending). The live export is not a snapshot: items may move
/// between its pages. The as-of one is, short of an append that reaches the store after its instant.
/// </summary>
public static class StockExport
{
    public const int PageSize = ViewEndpoints.MaxStockLimit;

    /// <summary>CSV for <c>?format=csv</c>, JSON for <c>?format=json</c>; otherwise CSV when Accept lists text/csv at no
    /// lower quality than application/json.</summary>
    public static bool WantsCsv(string? format, HttpRequest request, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (format)
        {
            case "csv":
                return true;
            case "json":
                return false;
            case null:
                return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) && PrefersCsv(accepted);
            default:
                errors["format"] = ["Must be json or csv."];
                return false;
        }
    }

    public static async Task<PushStreamHttpResult> AsOfAsync(
        IStockLedgerGrain ledger, string warehouseId, DateTimeOffset asOf, string? afterSku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var first = await ledger.GetWarehouseStockAsync(warehouseId, asOf, afterSku, PageSize, withTotals: false);
        var at = first.AsOf.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return TypedResults.Stream(
            body => StockCsv.WriteAsync(body, StockCsv.AsOfHeader, Pages(first), cancellationToken),
            StockCsv.ContentType,
            $"{warehouseId}-stock-as-of-{at}.csv");

        async IAsyncEnumerable<IEnumerable<string>> Pages(WarehouseStockAsOfPage page)
        {
            while (true)
            {
                yield return page.Items.Select(StockCsv.Row);
                if (page.Next is null)
                {
                    yield break;
                }

                page = await ledger.GetWarehouseStockAsync(warehouseId, page.AsOf, page.Next, PageSize, withTotals: false);
            }
        }
    }

    public static async Task<PushStreamHttpResult> LiveAsync(IViewsGrain views, string warehouseId, string? afterSku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        var first = await views.GetWarehouseStockAsync(warehouseId, afterSku, PageSize);
        return TypedResults.Stream(
            body => StockCsv.WriteAsync(body, StockCsv.LiveHeader, Pages(first), cancellationToken),
            StockCsv.ContentType,
            $"{warehouseId}-stock.csv");

        async IAsyncEnumerable<IEnumerable<string>> Pages(WarehouseStockPage page)
        {
            while (true)
            {
                yield return page.Items.Select(StockCsv.Row);
                if (page.Next is null)
                {
                    yield break;
                }

                page = await views.GetWarehouseStockAsync(warehouseId, page.Next, PageSize);
            }
        }
    }

    private static bool PrefersCsv(IList<MediaTypeHeaderValue> accepted)
    {
        var csv = Quality(accepted, "text/csv");
        return csv > 0 && csv >= Quality(accepted, "application/json");
    }

    private static double Quality(IList<MediaTypeHeaderValue> accepted, string mediaType) =>
        accepted.Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
}
