using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Training;
using Trygg.Organisations;

namespace Trygg;

/// <summary>
/// The annual review's card as Teams draws it: Alex Wilber (security staff in the example profiles and the Playground's
/// user, writing in English as the Playground does) writes "@Trygg årsrapport 2026" in General and reads the figures,
/// training completion included, with both charts loaded. A screenshot of the card at 400 px (phone width) lands in bin/.../screenshots.
/// </summary>
public sealed class ReviewCardPlaygroundTests : IAsyncLifetime
{
    private const string PlaygroundTenant = "00000000-0000-0000-0000-0000000000001";

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

    private async Task SeedTrainingAsync()
    {
        var doneAt = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        string[] parties = ["Moderaterna", "Socialdemokraterna", "Vänsterpartiet"];
        for (var i = 0; i < 24; i++)
        {
            var id = $"member-{i:00}";
            var party = parties[i % 3];
            var role = i % 4 == 0 ? MemberRole.SarskiltArvoderad : MemberRole.Fritidspolitiker;
            await Rig.Bot.Get<IMemberProfileStore>().SaveAsync(
                new MemberKey(PlaygroundTenant, id), new MemberProfile("alingsas", party, role, ["kf"], null, $"Ledamot {i}", null, doneAt), default);
            if (i % 3 != 2)
            {
                var key = new TrainingRecordKey(PlaygroundTenant, "alingsas", "mandatperiod", "2026-2030", id);
                await Rig.Bot.Get<ITrainingRecords>().UpdateAsync(
                    key,
                    _ => TrainingRecord.New(key, $"Ledamot {i}", party, role, doneAt) with { DoneAt = doneAt, Source = i % 2 == 0 ? CompletionSource.SelfReported : CompletionSource.RegisteredByUnit },
                    default);
            }
        }
    }

    [Fact]
    public async Task Arsrapport_InTheChannel_ShowsFiguresTrainingAndCharts_ReadableAtPhoneWidth()
    {
        await SeedTrainingAsync();
        await Rig.OnPageAsync("review-card-failure", async page =>
        {
            await Rig.OpenPlaygroundAsync(page);
            await PlaygroundRig.OpenAsync(page, "General");
            // The organisation's whole review is shown only in its registered security channel: the administrator registers it first.
            await PlaygroundRig.SayInChannelAsync(page, "registrera säkerhetskanal");
            await Rig.ExpectAsync(page.GetByText(new Regex("(tar nu emot rapporter för|now receives reports for) Alingsås kommun")).First, "the registration's confirmation", TimeSpan.FromSeconds(30));
            await PlaygroundRig.SayInChannelAsync(page, "årsrapport 2026");

            // The channel speaks the organisation's language (Swedish), though the Playground's Teams speaks English.
            var card = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Årsuppföljning 2026" }).First;
            await Rig.ExpectAsync(card, "the annual review card");
            var text = await card.InnerTextAsync();
            Assert.Contains("Säkerhetsutbildning för förtroendevalda 2026-2030", text, StringComparison.Ordinal);
            Assert.Contains("16 av 24 klara (67 %)", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ledamot", text, StringComparison.Ordinal);

            // Both charts load.
            await PlaygroundRig.ExpectImagesLoadedAsync(page, card, 2);

            await card.EvaluateAsync("e => { e.style.width = '400px'; e.style.maxWidth = '400px'; }");
            await page.WaitForTimeoutAsync(100);
            var box = await card.BoundingBoxAsync();
            Assert.True(box is { Width: <= 401 }, "the card lays out at phone width");
            await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(PlaygroundRig.ScreenshotDir(), "review-card-400.png") });
        });
    }
}
