using Inventory.Api.Hosting;

// Settings (appsettings.json: log levels) next to the program, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddInventoryApi();

var app = builder.Build();
app.UseInventoryApi();
app.Run();

/// <summary>The API's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in the API tests.</summary>
public partial class Program;
