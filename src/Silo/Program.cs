using System.Runtime;
using Inventory.Silo;
using Inventory.Silo.Management;
using Microsoft.AspNetCore.Builder;

// A container's health check: `Inventory.Silo --probe <url>` asks the silo's own endpoint and exits 0 or 1.
if (args is [Probe.Argument, var url])
{
    return await Probe.RunAsync(url);
}

// No blocking full collections while memory is plentiful, only background ones: a blocking gen2 stops every grain
// for as long as it takes (docs/operations.md, "Garbage collection").
GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;

// Settings (appsettings.json: log levels) next to the program, wherever it is started from.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddInventorySilo();
builder.AddInventorySiloManagement();
builder.AddInventorySiloTelemetry();

await using var app = builder.Build();
app.MapInventorySiloManagement();
await app.PrepareInventorySiloAsync();
await app.RunAsync();
return 0;
