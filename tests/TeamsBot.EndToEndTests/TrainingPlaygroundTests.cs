using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Training;
using Trygg.Organisations;

namespace Trygg;

/// <summary>
/// Training reminders in a Teams-like client, on the bot's clock set to 15 October 2026, 09:30 (the new mandate
/// period's first morning): the reminder card arrives in Alex Wilber's personal chat by itself, "Jag har genomfört
/// utbildningen" marks it done, and "utbildningsstatus" in the channel (Alex is Alingsås' security staff) counts it.
/// Screenshots of the cards (400 px wide) land in bin/.../screenshots.
/// </summary>
public sealed class TrainingPlaygroundTests : IAsyncLifetime
{
    private const string PlaygroundTenant = "00000000-0000-0000-0000-0000000000001";
    private const string AlexAadObjectId = "00000000-0000-0000-0000-0000000000020";

    /// <summary>The reminder comes from the scheduler and the outbox, not from a reply: it is given longer to show.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private PlaygroundRig? _rig;

    private PlaygroundRig Rig => _rig ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _rig = await PlaygroundRig.StartAsync(
        new Dictionary<string, string?>
        {
            [Trygg.Hosting.ClockSetup.FakeNowSetting] = "2026-10-15T09:30:00+02:00",
            ["Training:RunScheduler"] = "true",
            ["Training:SchedulerInterval"] = "00:00:01",
            ["Delivery:PollInterval"] = "00:00:00.250",
        });

    public async Task DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReminderArrivesInPersonalChat_DoneFromTheCard_StatusInTheChannelCountsIt()
    {
        await Rig.OnPageAsync("training-failure", RemindAsync);
    }

    private async Task RemindAsync(IPage page)
    {
        var welcome = await Rig.OpenPlaygroundAsync(page, Wait);
        await PlaygroundRig.OpenAsync(page, "Personal Chat");
        await Rig.ChooseSwedishAsync(page, welcome, Wait);

        // Alex is an Alingsås member since September; the bot knows the personal chat from the install.
        await Rig.Bot.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(PlaygroundTenant, AlexAadObjectId),
            new MemberProfile("alingsas", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], null, "Alex Wilber", null, DateTimeOffset.Parse("2026-09-01T12:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture)),
            default);

        // 1. The reminder comes by itself, in the personal chat.
        await PlaygroundRig.OpenAsync(page, "Personal Chat");
        var reminder = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Dags för säkerhetsutbildningen" });
        await Rig.ExpectAsync(reminder.First, "the reminder card", Wait);
        var text = await reminder.First.InnerTextAsync();
        Assert.Contains("Säkerhetsutbildning för förtroendevalda", text, StringComparison.Ordinal);
        Assert.Contains("Gör den gärna senast 13 januari 2027.", text, StringComparison.Ordinal);
        await PlaygroundRig.NarrowShotAsync(page, reminder.First, "training-1-reminder");

        // 2. Done, from the card.
        await reminder.First.GetByRole(AriaRole.Button, new() { Name = "Jag har genomfört utbildningen" }).ClickAsync();
        await Rig.ExpectAsync(page.GetByText(new Regex("Tack! \"Säkerhetsutbildning för förtroendevalda\" är markerad som genomförd")).First, "the thanks", Wait);
        var record = await Rig.Bot.Get<ITrainingRecords>().GetAsync(new TrainingRecordKey(PlaygroundTenant, "alingsas", "mandatperiod", "2026-2030", AlexAadObjectId), default);
        Assert.Equal(CompletionSource.SelfReported, record?.Source);

        // 3. The security unit's status in the channel counts it.
        // The status names members, so it is shown only in a registered security channel: the administrator registers it first.
        await PlaygroundRig.OpenAsync(page, "General");
        await PlaygroundRig.SayInChannelAsync(page, "registrera säkerhetskanal");
        await Rig.ExpectAsync(page.GetByText(new Regex("(tar nu emot rapporter för|now receives reports for) Alingsås kommun")).First, "the registration's confirmation", Wait);
        await PlaygroundRig.SayInChannelAsync(page, "utbildningsstatus");
        // The channel speaks the organisation's language (Swedish), though the Playground's Teams speaks English.
        var status = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Utbildningsstatus, Alingsås kommun" });
        await Rig.ExpectAsync(status.First, "the status card", Wait);
        Assert.Contains("1 av 1 klara (100 %)", await status.First.InnerTextAsync(), StringComparison.Ordinal);

        // The chart by party loads before the card is photographed.
        await PlaygroundRig.ExpectImagesLoadedAsync(page, status.First, 1);
        await PlaygroundRig.NarrowShotAsync(page, status.First, "training-2-status");
        Assert.Single(Rig.Bot.Get<ITrainingRecords>() is { } records
            ? await records.ListAsync(PlaygroundTenant, "alingsas", "mandatperiod", "2026-2030", default)
            : []);
    }
}
