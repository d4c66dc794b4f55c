using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg;

/// <summary>
/// Routing in a Teams-like client: Alex Wilber (security staff and administrator in the example profiles, and the
/// Playground's current user) registers General as Alingsås' security channel, reports a threat in the personal chat,
/// sees the need-to-know card arrive in the channel, opens the details, acknowledges it, and reads the notice in the
/// personal chat. Screenshots of the cards (400 px wide) land in bin/.../screenshots.
/// </summary>
public sealed class RoutingPlaygroundTests : IAsyncLifetime
{
    private const string PlaygroundTenant = "00000000-0000-0000-0000-0000000000001";
    private const string AlexAadObjectId = "00000000-0000-0000-0000-0000000000020";

    private PlaygroundRig? _rig;

    private PlaygroundRig Rig => _rig ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _rig = await PlaygroundRig.StartAsync(
        new Dictionary<string, string?> { ["Delivery:PollInterval"] = "00:00:00.250" });

    public async Task DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReportInPersonalChat_AppearsInTheChannel_AcknowledgedThere_MemberIsTold()
    {
        await Rig.Bot.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(PlaygroundTenant, AlexAadObjectId),
            new MemberProfile("alingsas", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], null, "Alex Wilber", null, DateTimeOffset.UtcNow),
            default);
        await Rig.OnPageAsync("routing-failure", RouteAsync);
    }

    private async Task RouteAsync(IPage page)
    {
        await Rig.OpenPlaygroundAsync(page);

        // 1. In the team's General channel, the administrator @mentions the bot.
        await PlaygroundRig.OpenAsync(page, "General");
        await PlaygroundRig.SayInChannelAsync(page, "registrera säkerhetskanal");
        await Rig.ExpectAsync(page.GetByText(new Regex("tar nu emot rapporter för Alingsås kommun")).First, "the registration's confirmation");
        await PlaygroundRig.PageShotAsync(page, "routing-1-registered");

        // 2. In the personal chat, a report in Swedish.
        await PlaygroundRig.OpenAsync(page, "Personal Chat");
        var welcome = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hi! I'm Trygg." });
        await welcome.First.GetByRole(AriaRole.Button, new() { Name = "På svenska" }).ClickAsync();
        await Rig.ExpectAsync(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." }).First, "Swedish welcome");
        var caseNumber = await ReportAsync(page);

        // 3. The need-to-know card in the channel: case number, no story.
        await PlaygroundRig.OpenAsync(page, "General");
        var channelCard = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = caseNumber });
        await Rig.ExpectAsync(channelCard.First, "the case card in General");
        var channelText = await channelCard.First.InnerTextAsync();
        Assert.Contains("Ny rapport", channelText, StringComparison.Ordinal);
        Assert.DoesNotContain("vet var jag bor", channelText, StringComparison.Ordinal);
        await PlaygroundRig.NarrowShotAsync(page, channelCard.First, "routing-2-channel-card");

        // 4. Visa detaljer: for security staff, the details replace the card (for them only).
        await channelCard.First.GetByRole(AriaRole.Button, new() { Name = "Visa detaljer" }).ClickAsync();
        var details = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Dela inte vidare" });
        await Rig.ExpectAsync(details.First, "the detail card");
        Assert.Contains("vet var jag bor", await details.First.InnerTextAsync(), StringComparison.Ordinal);
        await PlaygroundRig.NarrowShotAsync(page, details.First, "routing-3-detail-card");

        // 5. Bekräfta mottagen: the card says so (the server's PUT, for everyone).
        await details.First.GetByRole(AriaRole.Button, new() { Name = "Bekräfta mottagen" }).ClickAsync();
        await Rig.ExpectAsync(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Mottagen av Alex Wilber" }).First, "the acknowledged card");
        await PlaygroundRig.NarrowShotAsync(page, page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Mottagen av Alex Wilber" }).First, "routing-4-acknowledged");

        // 6. The member reads it in the personal chat.
        await PlaygroundRig.OpenAsync(page, "Personal Chat");
        var notice = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Din rapport är mottagen" });
        await Rig.ExpectAsync(notice.First, "the member's notice");
        Assert.Contains(caseNumber, await notice.First.InnerTextAsync(), StringComparison.Ordinal);
        await PlaygroundRig.NarrowShotAsync(page, notice.First, "routing-5-member-notice");
    }

    private async Task<string> ReportAsync(IPage page)
    {
        await PlaygroundRig.SayAsync(page, "jag har blivit hotad");
        var safety = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Är du i säkerhet just nu?" });
        await Rig.ExpectAsync(safety.Last, "the safety question");
        await safety.Last.GetByRole(AriaRole.Button, new() { Name = "Ja, jag är i säkerhet" }).ClickAsync();

        var what = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Vad hände?" });
        await Rig.ExpectAsync(what.First, "step 1 of the form");
        await PlaygroundRig.ChooseAsync(page, what.First, "Vad har hänt?", "Hot");
        await PlaygroundRig.ChooseAsync(page, what.First, "Var?", "På nätet");
        await what.First.GetByLabel(new Regex("Om på nätet")).FillAsync("Instagram");
        await PlaygroundRig.ChooseAsync(page, what.First, "Vilket uppdrag gäller det?", "Kommunstyrelsen");
        await what.First.GetByLabel(new Regex("Berätta vad som hände")).FillAsync("Någon skrev att de vet var jag bor.");
        await what.First.GetByRole(AriaRole.Button, new() { Name = "Nästa" }).ClickAsync();

        // The file step: the Playground cannot paste or attach a file here, so the member goes on without.
        var files = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Har du skärmbilder eller filer?" });
        await Rig.ExpectAsync(files.First, "the file step");
        await files.First.GetByRole(AriaRole.Button, new() { Name = "Hoppa över" }).ClickAsync();

        var more = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Lite mer om händelsen" });
        await Rig.ExpectAsync(more.First, "step 2 of the form");
        await more.First.GetByRole(AriaRole.Button, new() { Name = "Granska" }).ClickAsync();

        var preview = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Stämmer det här?" });
        await Rig.ExpectAsync(preview.First, "the preview");
        await preview.First.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();

        var receipt = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Ditt ärendenummer:" });
        await Rig.ExpectAsync(receipt.First, "the receipt");
        var number = Regex.Match(await receipt.First.InnerTextAsync(), @"TRY-\d{4}-\d{4}").Value;
        Assert.NotEmpty(number);
        return number;
    }
}
