using Microsoft.AspNetCore.Authorization;

namespace Inventory.Api.Audit;

/// <summary>Composition of the operator audit: <see cref="AddOperatorAudit"/> for services, <see cref="WithOperatorAudit{TBuilder}"/>
/// on each operator endpoint that acts (reads are not recorded).</summary>
public static class OperatorAuditExtensions
{
    public static IServiceCollection AddOperatorAudit(this IServiceCollection services)
    {
        services.AddSingleton<OperatorAuditRecorder>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Records every call of the endpoint as the operator action <paramref name="action"/>, whatever its outcome.</summary>
    public static TBuilder WithOperatorAudit<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OperatorAuditMetadata(action)).AddEndpointFilter<TBuilder, OperatorAuditFilter>();
}
