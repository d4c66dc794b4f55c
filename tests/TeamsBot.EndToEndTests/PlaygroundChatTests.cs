using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trygg.Testing;

namespace Trygg;

/// <summary>
/// A member's first minute, in a Teams-like client: the Agents Playground served locally, driven by Debian's
/// Chromium (never a downloaded browser), talking to the real bot with Azurite behind it.
/// Screenshots at phone width land in TestResults/screenshots for a human to look at.
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
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 400, Height = 900 } });
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
        await Screenshot(page, "1-welcome-en");

        // Action.Execute: the card is replaced in place by the Swedish one.
        await welcome.Nth(1).Locator(".ac-pushButton", new() { HasText = "På svenska" }).ClickAsync();
        var swedish = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." });
        await Expect(swedish.First, "Swedish card after 'På svenska'");
        await Screenshot(page, "2-welcome-sv");

        // Action.Submit: the bot answers with a message, in the language the member chose.
        await swedish.First.Locator(".ac-pushButton", new() { HasText = "Rapportera en händelse" }).ClickAsync();
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
