using Inventory.Silo;

// Settings (appsettings.json: log levels) next to the program, wherever it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddInventorySilo();

using var host = builder.Build();
await host.PrepareInventorySiloAsync();
await host.RunAsync();
