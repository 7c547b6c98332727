namespace Inventory.Api.Security;

/// <summary>Who sends a write: the authenticated API key's name (its <c>Name</c> claim, never the key). Commands carry
/// it as their <c>Principal</c> into the metadata of the events they cause.</summary>
public static class CallerPrincipal
{
    /// <summary>The caller's key name; null when the request is not authenticated (no write endpoint allows that).</summary>
    public static string? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
    }
}
