using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trygg.Members;
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
    private const string PlaygroundTenant = "00000000-0000-0000-0000-0000000000001";
    private const string PlaygroundUserAadObjectId = "00000000-0000-0000-0000-0000000000020";

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
    public async Task PersonalChat_Hej_ShowsWelcomeCard_AndReportButtonAsksAboutSafety()
    {
        var page = await Rig.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        try
        {
            await MemberFirstMinuteAsync(page);
        }
        catch
        {
            await Screenshot(page, "failure");
            await File.WriteAllTextAsync(Path.Combine(PlaygroundRig.ScreenshotDir(), "failure.html"), await page.ContentAsync());
            throw;
        }
    }

    private async Task MemberFirstMinuteAsync(IPage page)
    {
        await page.GotoAsync(Rig.Playground.Address.ToString(), new PageGotoOptions { Timeout = 90_000 });

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
        // Reporting starts with safety, before any form.
        await Expect(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Är du i säkerhet just nu?" }).First, "the safety question after 'Rapportera en händelse'");
        await Screenshot(page, "3-report-answer");
    }

    [Fact]
    public async Task PersonalChat_ReportAThreat_ReceiptShowsCaseNumber()
    {
        // The profile is asked once; here it exists already (the profile card has its own tests).
        await Rig.Bot.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(PlaygroundTenant, PlaygroundUserAadObjectId),
            new MemberProfile("alingsas", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], null, "Alex Wilber", null, DateTimeOffset.UtcNow),
            default);
        var page = await Rig.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        try
        {
            await ReportAsync(page);
        }
        catch
        {
            await Screenshot(page, "report-failure");
            await File.WriteAllTextAsync(Path.Combine(PlaygroundRig.ScreenshotDir(), "report-failure.html"), await page.ContentAsync());
            throw;
        }
    }

    private async Task ReportAsync(IPage page)
    {
        await page.GotoAsync(Rig.Playground.Address.ToString(), new PageGotoOptions { Timeout = 90_000 });
        var welcome = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hi! I'm Trygg." });
        await Expect(welcome.First, "install welcome");

        // The member reads Swedish: the choice is remembered for every card after this.
        await welcome.First.GetByRole(AriaRole.Button, new() { Name = "På svenska" }).ClickAsync();
        await Expect(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." }).First, "Swedish welcome");

        await Say(page, "jag har blivit hotad");
        var safety = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Är du i säkerhet just nu?" });
        await Expect(safety.First, "the safety question");
        await CardShot(safety.First, "report-1-safety");
        await safety.First.GetByRole(AriaRole.Button, new() { Name = "Ja, jag är i säkerhet" }).ClickAsync();

        var what = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Vad hände?" });
        await Expect(what.First, "step 1 of the form");
        await Choose(page, what.First, "Vad har hänt?", "Hot");
        await Choose(page, what.First, "Var?", "På nätet");
        await what.First.GetByLabel(new Regex("Om på nätet")).FillAsync("Instagram");
        await Choose(page, what.First, "Vilket uppdrag gäller det?", "Kommunstyrelsen");
        await what.First.GetByLabel(new Regex("Berätta vad som hände")).FillAsync("Någon skrev att de vet var jag bor.");
        await CardShot(what.First, "report-2-what");
        await what.First.GetByRole(AriaRole.Button, new() { Name = "Nästa" }).ClickAsync();

        var more = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Lite mer om händelsen" });
        await Expect(more.First, "step 2 of the form");
        await CardShot(more.First, "report-3-more");
        await more.First.GetByRole(AriaRole.Button, new() { Name = "Granska" }).ClickAsync();

        var preview = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Stämmer det här?" });
        await Expect(preview.First, "the preview");
        await CardShot(preview.First, "report-4-preview");
        await preview.First.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();

        var receipt = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Ditt ärendenummer:" });
        await Expect(receipt.First, "the receipt");
        await Expect(receipt.First.GetByText(new Regex(@"TRY-\d{4}-\d{4}")), "the case number on the receipt");
        await CardShot(receipt.First, "report-5-receipt");
    }

    private static async Task Say(IPage page, string text)
    {
        await page.Locator("[data-lexical-editor=\"true\"]").ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Picks a choice in a compact ChoiceSet, whichever control the client renders for it.</summary>
    private static async Task Choose(IPage page, ILocator card, string label, string option)
    {
        var input = card.GetByLabel(label, new() { Exact = false }).First;
        if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await input.SelectOptionAsync(new SelectOptionValue { Label = option });
            return;
        }

        await input.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).First.ClickAsync();
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

    private static async Task CardShot(ILocator card, string name) =>
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(PlaygroundRig.ScreenshotDir(), name + ".png") });

    private static async Task Screenshot(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

}
