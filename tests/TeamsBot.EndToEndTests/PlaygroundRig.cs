using Microsoft.Playwright;
using Trygg.Testing;

namespace Trygg;

/// <summary>
/// What every Playground test runs on, started in order and stopped in reverse: Azurite, the real bot, the Microsoft 365
/// Agents Playground pointed at it, and Debian's headless Chromium.
/// </summary>
public sealed class PlaygroundRig : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;

    private PlaygroundRig()
    {
    }

    public TryggApp Bot { get; private set; } = null!;

    public PlaygroundHost Playground { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <param name="settings">The bot's settings for this test, on top of the test defaults.</param>
    public static async Task<PlaygroundRig> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var rig = new PlaygroundRig();
        try
        {
            await rig._azurite.InitializeAsync();
            var port = PlaygroundHost.FreePort();
            rig.Bot = new TryggApp(rig._azurite.ConnectionString, $"http://localhost:{port}/_connector", AzuriteFixture.NewTablePrefix(), settings);
            rig.Playground = await PlaygroundHost.StartAsync(port, rig.Bot.MessagesEndpoint);
            rig._playwright = await Playwright.CreateAsync();
            rig.Browser = await HeadlessChromium.LaunchAsync(rig._playwright);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The bot's download and image links name its configured public address (Development: port 3978); in a test it
    /// listens elsewhere, so the page's requests for them are sent to where it really is.
    /// </summary>
    public Task SendDocumentLinksToTheBotAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.RouteAsync("http://127.0.0.1:3978/documents/**", route =>
            route.ContinueAsync(new RouteContinueOptions { Url = new Uri(Bot.BaseAddress, new Uri(route.Request.Url).PathAndQuery).ToString() }));
    }

    /// <summary>Where the tests leave their screenshots: bin/.../screenshots.</summary>
    public static string ScreenshotDir()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        Bot?.Dispose();
        await _azurite.DisposeAsync();
    }
}
