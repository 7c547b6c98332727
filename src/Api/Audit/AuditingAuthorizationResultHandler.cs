using Inventory.Api.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Inventory.Api.Audit;

/// <summary>Records in the audit log an operator action refused by authorization to a known key (a key without the
/// operator role: 403 <c>forbidden</c>), then answers as usual. Calls without a valid key (401) are not recorded: they
/// have no one to name, and would let anyone fill the log.</summary>
public sealed class AuditingAuthorizationResultHandler(OperatorAuditRecorder recorder) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden
            && context.User.Identity is { IsAuthenticated: true }
            && context.GetEndpoint()?.Metadata.GetMetadata<OperatorAuditMetadata>() is { } audit)
        {
            await recorder.RecordAsync(context, audit, StatusCodes.Status403Forbidden, ProblemCodes.Forbidden);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
