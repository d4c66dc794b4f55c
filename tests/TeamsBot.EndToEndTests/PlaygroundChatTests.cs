using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Organisations;

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
    public async Task PersonalChat_Hej_ShowsSwedishWelcomeCard_AndReportButtonAsksAboutSafety()
    {
        await Rig.OnPageAsync("failure", MemberFirstMinuteAsync, height: 900);
    }

    private async Task MemberFirstMinuteAsync(IPage page)
    {
        // Opening the chat installs the bot: the welcome arrives without a word from the member.
        // The Playground's client speaks en-US, so the welcome is in English.
        var welcome = await Rig.OpenPlaygroundAsync(page);
        await CardShot(welcome.First, "1-welcome-en");

        // The member writes Swedish: the bot answers in Swedish, whatever the client speaks.
        await PlaygroundRig.SayAsync(page, "hej");
        var swedish = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." });
        await Rig.ExpectAsync(swedish.First, "Swedish welcome after 'hej'");
        await CardShot(swedish.First, "2-welcome-sv");

        // Action.Submit: the bot answers with a message, in the member's language.
        await swedish.First.GetByRole(AriaRole.Button, new() { Name = "Rapportera en händelse" }).ClickAsync();
        // Reporting starts with safety, before any form.
        await Rig.ExpectAsync(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Är du i säkerhet just nu?" }).First, "the safety question after 'Rapportera en händelse'");
        await PlaygroundRig.PageShotAsync(page, "3-report-answer");
    }

    [Fact]
    public async Task PersonalChat_JagHarBlivitHotad_FromTheEnglishClient_AsksIfTheMemberIsSafeInSwedish()
    {
        await Rig.OnPageAsync("swedish-failure", async page =>
        {
            await Rig.OpenPlaygroundAsync(page);

            // No language chosen: the Playground's Teams speaks English, the member writes Swedish.
            await PlaygroundRig.SayAsync(page, "jag har blivit hotad");

            await Rig.ExpectAsync(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Är du i säkerhet just nu?" }).First, "the Swedish safety question");
            Assert.Equal(0, await page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Are you safe right now?" }).CountAsync());
        });
    }

    [Fact]
    public async Task PersonalChat_ReportAThreat_ReceiptShowsCaseNumber()
    {
        // The profile is asked once; here it exists already (the profile card has its own tests).
        await Rig.Bot.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(PlaygroundTenant, PlaygroundUserAadObjectId),
            new MemberProfile("alingsas", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], null, "Alex Wilber", null, DateTimeOffset.UtcNow),
            default);
        await Rig.OnPageAsync("report-failure", ReportAsync);
    }

    private async Task ReportAsync(IPage page)
    {
        var welcome = await Rig.OpenPlaygroundAsync(page);

        // The member reads Swedish: the choice is remembered for every card after this.
        await Rig.ChooseSwedishAsync(page, welcome);

        await PlaygroundRig.SayAsync(page, "jag har blivit hotad");
        var safety = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Är du i säkerhet just nu?" });
        await Rig.ExpectAsync(safety.First, "the safety question");
        await CardShot(safety.First, "report-1-safety");
        await safety.First.GetByRole(AriaRole.Button, new() { Name = "Ja, jag är i säkerhet" }).ClickAsync();

        var what = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Vad hände?" });
        await Rig.ExpectAsync(what.First, "step 1 of the form");
        await PlaygroundRig.ChooseAsync(page, what.First, "Vad har hänt?", "Hot");
        await PlaygroundRig.ChooseAsync(page, what.First, "Var?", "På nätet");
        await what.First.GetByLabel(new Regex("Om på nätet")).FillAsync("Instagram");
        await PlaygroundRig.ChooseAsync(page, what.First, "Vilket uppdrag gäller det?", "Kommunstyrelsen");
        await what.First.GetByLabel(new Regex("Berätta vad som hände")).FillAsync("Någon skrev att de vet var jag bor.");
        await CardShot(what.First, "report-2-what");
        await what.First.GetByRole(AriaRole.Button, new() { Name = "Nästa" }).ClickAsync();

        // The file step: the Playground cannot paste or attach a file here, so the member goes on without.
        var files = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Har du skärmbilder eller filer?" });
        await Rig.ExpectAsync(files.First, "the file step");
        await PlaygroundRig.NarrowShotAsync(page, files.First, "report-2b-files");
        await files.First.GetByRole(AriaRole.Button, new() { Name = "Hoppa över" }).ClickAsync();

        var more = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Lite mer om händelsen" });
        await Rig.ExpectAsync(more.First, "step 2 of the form");
        await CardShot(more.First, "report-3-more");
        await more.First.GetByRole(AriaRole.Button, new() { Name = "Granska" }).ClickAsync();

        var preview = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Stämmer det här?" });
        await Rig.ExpectAsync(preview.First, "the preview");
        await CardShot(preview.First, "report-4-preview");
        await preview.First.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();

        var receipt = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Ditt ärendenummer:" });
        await Rig.ExpectAsync(receipt.First, "the receipt");
        await Rig.ExpectAsync(receipt.First.GetByText(new Regex(@"TRY-\d{4}-\d{4}")), "the case number on the receipt");
        await PlaygroundRig.NarrowShotAsync(page, receipt.First, "report-5-receipt");

        // Help with the police report, from the receipt: what the police will ask, taken from the report just sent.
        await receipt.First.GetByRole(AriaRole.Button, new() { Name = "Underlag för polisanmälan" }).ClickAsync();
        var police = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Det här är vad polisen brukar fråga om" });
        await Rig.ExpectAsync(police.First, "the police-report summary");
        await Rig.ExpectAsync(police.First.GetByText("Någon skrev att de vet var jag bor.").First, "the member's own words in the summary");
        await PlaygroundRig.NarrowShotAsync(page, police.First, "report-6-police");
    }

    [Fact]
    public async Task PersonalChat_LanguageAskedInOwnWords_ConfirmsAndShowsTheWelcomeInThatLanguage()
    {
        await Rig.OnPageAsync("language-failure", async page =>
        {
            // The Playground's Teams speaks English, so the welcome at install is English; the member asks for Swedish.
            await Rig.OpenPlaygroundAsync(page);
            await PlaygroundRig.SayAsync(page, "kan du skriva på svenska?");

            await Rig.ExpectAsync(page.GetByText("Okej, nu skriver jag på svenska.").First, "the confirmation");
            var welcome = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." });
            await Rig.ExpectAsync(welcome.First, "the Swedish welcome after the confirmation");
            await PlaygroundRig.NarrowShotAsync(page, welcome.First, "language-switch-welcome-sv");
        });
    }

    private static async Task CardShot(ILocator card, string name) =>
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(PlaygroundRig.ScreenshotDir(), name + ".png") });

}
