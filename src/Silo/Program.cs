using Inventory.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.AddInventorySilo();

using var host = builder.Build();
await host.PrepareInventorySiloAsync();
await host.RunAsync();
