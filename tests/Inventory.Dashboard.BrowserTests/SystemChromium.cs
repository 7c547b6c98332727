namespace Inventory.Dashboard.BrowserTests;

/// <summary>Where Debian's Chromium is (<c>apt-get install chromium</c>; build/test.sh installs it). Playwright's own
/// browser download is not used. <c>INVENTORY_CHROMIUM</c> may name another executable. Missing means the test fails:
/// a browser test that cannot run must not pass.</summary>
public static class SystemChromium
{
    public const string Variable = "INVENTORY_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static string Path()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"{Variable}={configured}: no such file.");
        }

        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"No Chromium found ({string.Join(", ", Candidates)}): install Debian's 'chromium' package (build/test.sh does) or set {Variable}.");
    }
}
