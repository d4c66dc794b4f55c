using Microsoft.Playwright;
using Trygg.Guidance;
using Trygg.Testing;

namespace Trygg;

/// <summary>
/// A member asks the guidance in the Agents Playground (Debian's Chromium, the real bot, Azurite): "hur polisanmäler
/// jag?" gets the answer card with 114 14 and its source; "Nej" on it is stored; a question the guidance does not
/// cover gets the don't-know card. Both cards are also shot at 400 px wide, the width of a phone, into
/// bin/.../screenshots for a human to look at.
/// </summary>
public sealed class GuidanceAnswerTests : IAsyncLifetime
{
    private PlaygroundRig? _rig;

    private PlaygroundRig Rig => _rig ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _rig = await PlaygroundRig.StartAsync();

    public async Task DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }

    [Fact]
    public async Task PersonalChat_HurPolisanmälerJag_AnswerCardWith11414AndSource_NejIsStored_UnknownGetsDontKnow()
    {
        var page = await Rig.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        try
        {
            await AskAsync(page);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PlaygroundRig.ScreenshotDir(), "guidance-failure.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(PlaygroundRig.ScreenshotDir(), "guidance-failure.html"), await page.ContentAsync());
            throw;
        }
    }

    private async Task AskAsync(IPage page)
    {
        await page.GotoAsync(Rig.Playground.Address.ToString(), new PageGotoOptions { Timeout = 90_000 });
        var welcome = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hi! I'm Trygg." });
        await Expect(welcome.First, "install welcome");
        await welcome.First.GetByRole(AriaRole.Button, new() { Name = "På svenska" }).ClickAsync();
        await Expect(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." }).First, "Swedish welcome");

        await Say(page, "hur polisanmäler jag?");
        var answer = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Det här säger vägledningen" });
        await Expect(answer.First, "the answer card");
        await Expect(answer.First.GetByText("114 14").First, "114 14 in the answer");
        await Expect(answer.First.GetByText("Sveriges Kommuner och Landsting (SKL, numera SKR)").First, "the answer's source");
        await Expect(answer.First.GetByText("Avsnitt:").First, "the answer's section");
        await NarrowShot(answer.First, "guidance-1-answer");

        await answer.First.GetByRole(AriaRole.Button, new() { Name = "Nej" }).ClickAsync();
        var thanked = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Frågan går vidare" });
        await Expect(thanked.First, "the thank-you after Nej");
        var stored = await Rig.Bot.Get<IGuidanceFeedbackStore>().ListRecentNegativeAsync(string.Empty, 5, default);
        Assert.Equal("hur polisanmäler jag?", Assert.Single(stored).Question);
        await NarrowShot(thanked.First, "guidance-2-after-nej");

        await Say(page, "får jag bära pepparspray som politiker?");
        var dontKnow = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Jag hittar inget om det i vägledningen" });
        await Expect(dontKnow.First, "the don't-know card");
        await NarrowShot(dontKnow.First, "guidance-3-dont-know");
    }

    private static async Task Say(IPage page, string text)
    {
        await page.Locator("[data-lexical-editor=\"true\"]").ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The card as the Playground rendered it, laid out again at 400 px wide (a phone) and shot.</summary>
    private static async Task NarrowShot(ILocator card, string name)
    {
        await card.EvaluateAsync("e => { e.style.width = '400px'; e.style.maxWidth = '400px'; }");
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(PlaygroundRig.ScreenshotDir(), name + ".png") });
    }

    private async Task Expect(ILocator locator, string what)
    {
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Not seen in the Playground: {what}.\nPlayground output:\n{Rig.Playground.Output}", ex);
        }
    }
}
