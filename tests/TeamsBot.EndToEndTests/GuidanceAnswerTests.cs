using Microsoft.Playwright;
using Trygg.Guidance;
using Trygg.Testing;

namespace Trygg;

/// <summary>
/// A member asks the guidance in the Agents Playground (Debian's Chromium, the real bot, Azurite): "hur polisanmäler
/// jag?" from a member with no profile gets "Menade du...?", and the chosen answer card has 114 14 and its source; "Nej" on it is stored; a question the guidance does not
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
    public async Task PersonalChat_UnsureQuestion_MenadeDu_TheChosenAnswerHas11414AndSource_NejIsStored_UnknownGetsDontKnow()
    {
        await Rig.OnPageAsync("guidance-failure", AskAsync);
    }

    [Fact]
    public async Task PersonalChat_EnglishQuestion_ChoicesNamedInEnglish_TheAnswerQuotesTheSwedishGuidance()
    {
        await Rig.OnPageAsync("guidance-english-failure", AskInEnglishAsync);
    }

    /// <summary>
    /// The Playground is an English client and the question is English: the choices carry the English title of their
    /// topic before the Swedish heading, and the answer card says the guidance is quoted in Swedish.
    /// </summary>
    private async Task AskInEnglishAsync(IPage page)
    {
        await Rig.OpenPlaygroundAsync(page);
        await PlaygroundRig.SayAsync(page, "how do I report to the police?");
        var suggest = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Did you mean one of these?" });
        await Rig.ExpectAsync(suggest.First, "the suggestions in English");
        await PlaygroundRig.NarrowShotAsync(page, suggest.First, "guidance-en-0-suggest");
        await Rig.ExpectAsync(suggest.First.GetByText("Reporting to the police and the municipality · Sveriges Kommuner").First, "the topic in English");
        await suggest.First.GetByRole(AriaRole.Button, new() { Name = "Reporting to the police and the municipality: Polisen för anmälan om brott" }).First.ClickAsync();
        var answer = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "The guidance is in Swedish" });
        await Rig.ExpectAsync(answer.First, "the answer card, with the note that the guidance is Swedish");
        await Rig.ExpectAsync(answer.First.GetByText("114 14").First, "114 14 in the answer");
        await PlaygroundRig.NarrowShotAsync(page, answer.First, "guidance-en-1-answer");
    }

    private async Task AskAsync(IPage page)
    {
        var welcome = await Rig.OpenPlaygroundAsync(page);
        await Rig.ChooseSwedishAsync(page, welcome);

        // The Playground's member has no profile, so no municipality's passage can answer for the topic: the bot asks
        // "Menade du...?" rather than answering; tapping the national passage opens its answer card with its source.
        await PlaygroundRig.SayAsync(page, "hur polisanmäler jag?");
        var suggest = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Menade du något av det här?" });
        await Rig.ExpectAsync(suggest.First, "the suggestions");
        await PlaygroundRig.NarrowShotAsync(page, suggest.First, "guidance-0-suggest");
        await suggest.First.GetByRole(AriaRole.Button, new() { Name = "Polisen för anmälan om brott" }).First.ClickAsync();
        var answer = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Det här säger vägledningen" });
        await Rig.ExpectAsync(answer.First, "the answer card");
        await Rig.ExpectAsync(answer.First.GetByText("114 14").First, "114 14 in the answer");
        await Rig.ExpectAsync(answer.First.GetByText("Sveriges Kommuner och Landsting (SKL, numera SKR)").First, "the answer's source");
        await Rig.ExpectAsync(answer.First.GetByText("Avsnitt:").First, "the answer's section");
        await PlaygroundRig.NarrowShotAsync(page, answer.First, "guidance-1-answer");

        await answer.First.GetByRole(AriaRole.Button, new() { Name = "Nej" }).ClickAsync();
        var thanked = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Frågan går vidare" });
        await Rig.ExpectAsync(thanked.First, "the thank-you after Nej");
        var stored = await Rig.Bot.Get<IGuidanceFeedbackStore>().ListRecentNegativeAsync(Activities.TenantId, string.Empty, 5, default);
        Assert.Equal("hur polisanmäler jag?", Assert.Single(stored).Question);
        await PlaygroundRig.NarrowShotAsync(page, thanked.First, "guidance-2-after-nej");

        await PlaygroundRig.SayAsync(page, "hur byter jag lösenord i teams?");
        var dontKnow = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Jag hittar inget om det i vägledningen" });
        await Rig.ExpectAsync(dontKnow.First, "the don't-know card");
        await PlaygroundRig.NarrowShotAsync(page, dontKnow.First, "guidance-3-dont-know");
    }
}
