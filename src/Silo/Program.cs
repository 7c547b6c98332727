using System.Runtime;
using Inventory.Silo;

// No blocking full collections while memory is plentiful, only background ones: a blocking gen2 stops every grain
// for as long as it takes (docs/operations.md, "Garbage collection").
GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;

// Settings (appsettings.json: log levels) next to the program, wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddInventorySilo();

using var host = builder.Build();
await host.PrepareInventorySiloAsync();
await host.RunAsync();
