using Inventory.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo
    .AddInventoryGrains()
    .UseLocalhostClustering());

await builder.Build().RunAsync();
