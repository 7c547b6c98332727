namespace Inventory.Silo.Management;

/// <summary><c>Inventory.Silo --probe &lt;url&gt;</c>: exits 0 when the URL answers 2xx within 3 s, 1 otherwise. For a
/// container's health check, since the runtime image has no HTTP client of its own.</summary>
public static class Probe
{
    public const string Argument = "--probe";

    public static async Task<int> RunAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return 1;
        }
    }
}
