using System.Security.Claims;
using Inventory.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Api.Security;

/// <summary>
/// Which warehouses a caller may write to, as claims of its key: one <see cref="ClaimType"/> claim per warehouse, or
/// <see cref="Every"/> for a key without a list. A caller with neither (a principal made some other way) may write
/// nowhere: the check fails closed. A key with <see cref="ApiKeyOptions.ScopeReads"/> also carries
/// <see cref="ReadScopeClaimType"/>: it may read only those warehouses (<see cref="MayRead"/>) and nothing across them
/// (<see cref="MayReadAcross"/>).
/// </summary>
public static class WarehouseScope
{
    public const string ClaimType = "inventory:warehouse";
    public const string ReadScopeClaimType = "inventory:read-scope";
    public const string Every = "*";

    /// <summary>The claims of <paramref name="key"/>: its warehouses, and the read scope when it has one.</summary>
    public static IEnumerable<Claim> Claims(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = Claims(key.Warehouses);
        return key.ScopeReads && key.Warehouses.Count > 0 ? [.. claims, new Claim(ReadScopeClaimType, "warehouses")] : claims;
    }

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

    /// <summary>Whether the caller may read views of <paramref name="warehouseId"/>: always, unless its reads are scoped.</summary>
    public static bool MayRead(ClaimsPrincipal caller, string warehouseId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return !caller.HasClaim(c => c.Type == ReadScopeClaimType) || MayWrite(caller, warehouseId);
    }

    /// <summary>Whether the caller may read views across warehouses (overview, a SKU everywhere, all transfers in
    /// transit, the live feed of every warehouse): not when its reads are scoped.</summary>
    public static bool MayReadAcross(ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return !caller.HasClaim(c => c.Type == ReadScopeClaimType);
    }

    /// <summary>The 403 of a read outside a read-scoped caller's warehouses, or across warehouses (<paramref name="warehouseId"/> null).</summary>
    public static ProblemHttpResult ForbiddenRead(string? warehouseId) => ApiProblems.Result(
        ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemCodes.ForbiddenWarehouse, "The key may not read this warehouse.",
            warehouseId is null
                ? "This key reads only its own warehouses: views across warehouses are refused; read each warehouse's views instead."
                : $"This key's warehouses do not include '{warehouseId}'."));

    /// <summary>The 403 of a write outside the caller's warehouses; nothing was written.</summary>
    public static ProblemDetails Problem(string warehouseId) =>
        ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemCodes.ForbiddenWarehouse, "The key may not write to this warehouse.",
            $"This key's warehouses do not include '{warehouseId}'; nothing was written.");

    public static ProblemHttpResult Forbidden(string warehouseId) => ApiProblems.Result(Problem(warehouseId));
}
