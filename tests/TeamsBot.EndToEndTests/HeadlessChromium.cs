using Microsoft.Playwright;

namespace Trygg;

/// <summary>Debian's Chromium, headless, with the flags that work as root and offline (never a downloaded browser).</summary>
internal static class HeadlessChromium
{
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path(), Headless = true, Args = Flags });
    }

    private static string Path() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Debian's chromium is not installed: scripts/test.sh installs it (apt-get install chromium).");
}
