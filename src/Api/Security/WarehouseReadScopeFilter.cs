namespace Inventory.Api.Security;

/// <summary>
/// Applies a read-scoped key's warehouses (<see cref="ApiKeyOptions.ScopeReads"/>) to a read endpoint: the warehouse
/// named by the route's or the query's <c>warehouseId</c> must be one of the key's, and an endpoint read without one
/// reads across warehouses, which such a key may not (403 <c>forbidden-warehouse</c> either way). Keys without a read
/// scope pass untouched.
/// </summary>
public sealed class WarehouseReadScopeFilter : IEndpointFilter
{
    public const string WarehouseArgument = "warehouseId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (WarehouseScope.MayReadAcross(http.User))
        {
            return await next(context);
        }

        var warehouseId = http.Request.RouteValues.TryGetValue(WarehouseArgument, out var route) && route is string fromRoute
            ? fromRoute
            : (string?)http.Request.Query[WarehouseArgument];
        if (string.IsNullOrEmpty(warehouseId))
        {
            return WarehouseScope.ForbiddenRead(null);
        }

        return WarehouseScope.MayRead(http.User, warehouseId) ? await next(context) : WarehouseScope.ForbiddenRead(warehouseId);
    }
}

/// <summary>Adds the <see cref="WarehouseReadScopeFilter"/> to read endpoints.</summary>
public static class WarehouseReadScopeExtensions
{
    public static TBuilder WithWarehouseReadScope<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter<TBuilder, WarehouseReadScopeFilter>();
}
