using Inventory.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddInventoryApi();

var app = builder.Build();
app.UseInventoryApi();
app.Run();

/// <summary>The API's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in the API tests.</summary>
public partial class Program;
