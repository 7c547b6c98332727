using Inventory.Api.Audit;
using Inventory.Api.Endpoints;
using Inventory.Api.Dashboard;
using Inventory.Api.Health;
using Inventory.Api.Live;
using Inventory.Api.Problems;
using Inventory.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Inventory.Api.Hosting;

/// <summary>Composition of the API process: <see cref="AddInventoryApi"/> for services, <see cref="UseInventoryApi"/>
/// for the pipeline and endpoints.</summary>
public static class ApiHostingExtensions
{
    /// <summary>The connection string name shared with the silo (<c>ConnectionStrings:Inventory</c>).</summary>
    public const string ConnectionStringName = "Inventory";

    public static WebApplicationBuilder AddInventoryApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApiKeysFile();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        var mode = string.IsNullOrWhiteSpace(connectionString) ? ApiMode.Embedded : ApiMode.Postgres;
        var api = builder.Configuration.GetSection(InventoryApiOptions.Section).Get<InventoryApiOptions>() ?? new();
        var services = builder.Services;

        services.AddOptions<InventoryApiOptions>().BindConfiguration(InventoryApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InventoryApiOptions>>(new ApiKeyOptionsValidator(mode));
        services.AddSingleton(mode == ApiMode.Embedded && api.Keys.Count == 0 ? DevelopmentKeys.Generate() : DevelopmentKeys.None);
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ApiKeyStore>(provider));
        services.AddHostedService<DevelopmentKeysBanner>();

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = InventoryApiOptions.MaxRequestBodyBytes);
        services.AddInventoryHttps(builder.Configuration);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = InventoryApiOptions.MaxJsonDepth);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
            context.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddOperatorSession();
        services.AddAuthorizationBuilder().AddInventoryPolicies();
        services.AddInventoryRateLimiting();
        services.AddOperatorAudit();

        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiveConnectionLimiter>();
        services.AddSingleton<LiveMovementsHub>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveMovementsHub>());
        services.AddSingleton<DashboardAssets>();
        services.AddClusterDashboard(builder.Configuration);

        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        builder.AddInventoryApiTelemetry();

        if (api.UseOrleansClient)
        {
            builder.AddInventoryOrleansClient(mode, connectionString);
        }

        return builder;
    }

    public static WebApplication UseInventoryApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseInventoryHttps();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi().AllowAnonymous().DisableRateLimiting();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Inventory API").DisableDefaultFonts())
            .AllowAnonymous().DisableRateLimiting();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapMovementEndpoints();
        app.MapItemEndpoints();
        app.MapTransferEndpoints();
        app.MapTransitEndpoints();
        app.MapOrderEndpoints();
        app.MapAdminEndpoints();
        app.MapViewEndpoints();
        app.MapLiveEndpoints();
        app.MapProjectionAdminEndpoints();
        app.MapSchemaEndpoints();
        app.MapDashboardEndpoints();
        app.MapClusterDashboardEndpoints();
        return app;
    }
}
