using System.Security.Claims;
using Inventory.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Api.Security;

/// <summary>
/// Which warehouses a caller may write to, as claims of its key: one <see cref="ClaimType"/> claim per warehouse, or
/// <see cref="Every"/> for a key without a list. A caller with neither (a principal made some other way) may write
/// nowhere: the check fails closed.
/// </summary>
public static class WarehouseScope
{
    public const string ClaimType = "inventory:warehouse";
    public const string Every = "*";

    public static IEnumerable<Claim> Claims(IReadOnlyList<string> warehouses)
    {
        ArgumentNullException.ThrowIfNull(warehouses);
        return warehouses.Count == 0 ? [new Claim(ClaimType, Every)] : warehouses.Select(w => new Claim(ClaimType, w));
    }

    public static bool MayWrite(ClaimsPrincipal caller, string warehouseId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.FindAll(ClaimType).Any(c => c.Value == Every || string.Equals(c.Value, warehouseId, StringComparison.Ordinal));
    }

    /// <summary>The 403 of a write outside the caller's warehouses; nothing was written.</summary>
    public static ProblemDetails Problem(string warehouseId) =>
        ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemCodes.ForbiddenWarehouse, "The key may not write to this warehouse.",
            $"This key's warehouses do not include '{warehouseId}'; nothing was written.");

    public static ProblemHttpResult Forbidden(string warehouseId) => ApiProblems.Result(Problem(warehouseId));
}
