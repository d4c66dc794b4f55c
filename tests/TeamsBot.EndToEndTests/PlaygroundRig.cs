using System.Text.RegularExpressions;
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

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

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

    /// <summary>
    /// Runs a test's steps on a new desktop-size page whose document links reach the bot; when a step fails, the page is
    /// left in the screenshot folder as <paramref name="failureName"/>.png and .html before the failure is rethrown.
    /// </summary>
    public async Task OnPageAsync(string failureName, Func<IPage, Task> steps, int height = 1400)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = height } });
        await SendDocumentLinksToTheBotAsync(page);
        try
        {
            await steps(page);
        }
        catch
        {
            await PageShotAsync(page, failureName);
            await File.WriteAllTextAsync(Path.Combine(ScreenshotDir(), failureName + ".html"), await page.ContentAsync());
            throw;
        }
    }

    /// <summary>Waits for <paramref name="locator"/> to show; if it does not, says what was missing, with the Playground's output.</summary>
    public async Task ExpectAsync(ILocator locator, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(locator);
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = (float)(timeout ?? DefaultWait).TotalMilliseconds });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Not seen in the Playground: {what}.\nPlayground output:\n{Playground.Output}", ex);
        }
    }

    /// <summary>Opens the Playground and waits for the bot's welcome on install (in English: the Playground's Teams speaks it).</summary>
    public async Task<ILocator> OpenPlaygroundAsync(IPage page, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(Playground.Address.ToString(), new PageGotoOptions { Timeout = 90_000 });
        var welcome = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hi! I'm Trygg." });
        await ExpectAsync(welcome.First, "install welcome", timeout);
        return welcome;
    }

    /// <summary>"På svenska" on the welcome card: the choice is remembered for every card after it.</summary>
    public async Task ChooseSwedishAsync(IPage page, ILocator welcome, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(welcome);
        await welcome.First.GetByRole(AriaRole.Button, new() { Name = "På svenska" }).ClickAsync();
        await ExpectAsync(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." }).First, "Swedish welcome", timeout);
    }

    /// <summary>Waits until <paramref name="count"/> images in the card have loaded (a broken link gives naturalWidth 0).</summary>
    public static async Task ExpectImagesLoadedAsync(IPage page, ILocator card, int count)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(card);
        await card.Locator("img").Nth(count - 1).WaitForAsync();
        await page.WaitForFunctionAsync(
            "([e, n]) => [...e.querySelectorAll('img')].filter(i => i.complete && i.naturalWidth > 0).length >= n",
            new object[] { await card.ElementHandleAsync(), count },
            new PageWaitForFunctionOptions { Timeout = 20_000 });
    }

    /// <summary>Opens a chat or channel from the left-hand list.</summary>
    public static async Task OpenAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByText(name, new() { Exact = true }).First.ClickAsync();
        await page.WaitForTimeoutAsync(300);
    }

    /// <summary>Types a message in the open chat and sends it.</summary>
    public static async Task SayAsync(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("[data-lexical-editor=\"true\"]").First.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>
    /// A new post in the open channel that @mentions the bot. The Playground turns "&lt;at&gt;name&lt;/at&gt;" in the
    /// text into a mention entity when the name is one of the conversation's accounts (its bot is "Test Bot").
    /// </summary>
    public static async Task SayInChannelAsync(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        var editor = page.Locator("[data-lexical-editor=\"true\"]");
        if (!await editor.First.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("(new|start a) post", RegexOptions.IgnoreCase) }).First.ClickAsync();
        }

        await SayAsync(page, "<at>Test Bot</at> " + text);
    }

    /// <summary>Picks a choice in a compact ChoiceSet, whichever control the client renders for it.</summary>
    public static async Task ChooseAsync(IPage page, ILocator card, string label, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(card);
        var input = card.GetByLabel(label, new() { Exact = false }).First;
        if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await input.SelectOptionAsync(new SelectOptionValue { Label = option });
            return;
        }

        await input.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).First.ClickAsync();
    }

    /// <summary>
    /// The card as a member reads it on a narrow screen: the card element alone, laid out 400 px wide (the Playground's
    /// own page is desktop-only; at phone width its log panel covers the chat), then given its width back.
    /// </summary>
    public static async Task NarrowShotAsync(IPage page, ILocator card, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(card);
        var width = await card.EvaluateAsync<string>("e => e.style.width");
        await card.EvaluateAsync("e => { e.style.width = '400px'; e.style.maxWidth = '400px'; }");
        await page.WaitForTimeoutAsync(100);
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotDir(), name + ".png") });
        await card.EvaluateAsync("(e, w) => { e.style.width = w; e.style.maxWidth = ''; }", width);
    }

    /// <summary>The whole page, e.g. when a test fails.</summary>
    public static Task PageShotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir(), name + ".png"), FullPage = true });
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
