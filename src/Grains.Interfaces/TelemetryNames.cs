namespace Inventory.Contracts;

/// <summary>What the silos and the API share about their telemetry: Orleans' meter and activity sources, and the switch
/// that turns tracing on without an OTLP endpoint.</summary>
public static class TelemetryNames
{
    /// <summary>Orleans' own meter (messaging, grains, membership, storage).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity source for its own calls.</summary>
    public const string OrleansRuntimeSource = "Microsoft.Orleans.Runtime";

    /// <summary>Orleans' activity source for the application's grain calls.</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Turns tracing on without an OTLP endpoint (a collector configured otherwise, or tests).</summary>
    public const string TracingSwitch = "Inventory:Tracing:Enabled";

    /// <summary>The standard variable naming the OTLP endpoint; when set, metrics and traces are exported there.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
