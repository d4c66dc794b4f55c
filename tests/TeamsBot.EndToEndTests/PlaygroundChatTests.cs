using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trygg.Testing;

namespace Trygg;

/// <summary>
/// A member's first minute, in a Teams-like client: the Agents Playground served locally, driven by Debian's
/// Chromium (never a downloaded browser), talking to the real bot with Azurite behind it.
/// Screenshots of the cards land in bin/.../screenshots for a human to look at (the Playground's own layout is
/// desktop-only: at phone width its log panel covers the chat).
/// </summary>
public sealed class PlaygroundChatTests : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly AzuriteFixture _azurite = new();
    private TryggApp _bot = null!;
    private PlaygroundHost _playground = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var port = PlaygroundHost.FreePort();
        _bot = new TryggApp(_azurite.ConnectionString, $"http://localhost:{port}/_connector", AzuriteFixture.NewTablePrefix());
        _playground = await PlaygroundHost.StartAsync(port, _bot.MessagesEndpoint);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        _bot?.Dispose();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task PersonalChat_Hej_ShowsWelcomeCard_AndButtonsAnswer()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        try
        {
            await MemberFirstMinuteAsync(page);
        }
        catch
        {
            await Screenshot(page, "failure");
            await File.WriteAllTextAsync(Path.Combine(ScreenshotDir(), "failure.html"), await page.ContentAsync());
            throw;
        }
    }

    private async Task MemberFirstMinuteAsync(IPage page)
    {
        await page.GotoAsync(_playground.Address.ToString());

        // Opening the chat installs the bot: the welcome arrives without a word from the member.
        // The Playground's client speaks en-US, so the welcome is in English.
        var welcome = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hi! I'm Trygg." });
        await Expect(welcome.First, "install welcome");

        var editor = page.Locator("[data-lexical-editor=\"true\"]");
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("hej");
        await page.Keyboard.PressAsync("Enter");
        await Expect(welcome.Nth(1), "welcome card after 'hej'");
        await CardShot(welcome.Nth(1), "1-welcome-en");

        // Action.Execute: the card is replaced in place by the Swedish one.
        await welcome.Nth(1).GetByRole(AriaRole.Button, new() { Name = "På svenska" }).ClickAsync();
        var swedish = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." });
        await Expect(swedish.First, "Swedish card after 'På svenska'");
        await CardShot(swedish.First, "2-welcome-sv");

        // Action.Submit: the bot answers with a message, in the language the member chose.
        await swedish.First.GetByRole(AriaRole.Button, new() { Name = "Rapportera en händelse" }).ClickAsync();
        await Expect(page.GetByText(new Regex("114 14")).First, "answer to 'Rapportera en händelse'");
        await Screenshot(page, "3-report-answer");
    }

    private async Task Expect(ILocator locator, string what)
    {
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Not seen in the Playground: {what}.\nPlayground output:\n{_playground.Output}", ex);
        }
    }

    private static async Task CardShot(ILocator card, string name) =>
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotDir(), name + ".png") });

    private static string ScreenshotDir()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    private static string ChromiumPath()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Debian's chromium is not installed: scripts/test.sh installs it (apt-get install chromium).");
    }
}
