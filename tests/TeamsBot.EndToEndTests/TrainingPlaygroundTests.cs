using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Training;

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

    private PlaygroundRig? _rig;

    private PlaygroundRig Rig => _rig ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _rig = await PlaygroundRig.StartAsync(
        new Dictionary<string, string?>
        {
            [TrainingSetup.FakeNowSetting] = "2026-10-15T09:30:00+02:00",
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
        var page = await Rig.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });

        // The bot's links name its configured public address; in this test it listens elsewhere, so the browser is sent there.
        await Rig.SendDocumentLinksToTheBotAsync(page);
        try
        {
            await RemindAsync(page);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PlaygroundRig.ScreenshotDir(), "training-failure.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(PlaygroundRig.ScreenshotDir(), "training-failure.html"), await page.ContentAsync());
            throw;
        }
    }

    private async Task RemindAsync(IPage page)
    {
        await page.GotoAsync(Rig.Playground.Address.ToString());
        var welcome = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hi! I'm Trygg." });
        await Expect(welcome.First, "install welcome");
        await OpenAsync(page, "Personal Chat");
        await welcome.First.GetByRole(AriaRole.Button, new() { Name = "På svenska" }).ClickAsync();
        await Expect(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Hej! Jag är Trygg." }).First, "Swedish welcome");

        // Alex is an Alingsås member since September; the bot knows the personal chat from the install.
        await Rig.Bot.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(PlaygroundTenant, AlexAadObjectId),
            new MemberProfile("alingsas", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], null, "Alex Wilber", null, DateTimeOffset.Parse("2026-09-01T12:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture)),
            default);

        // 1. The reminder comes by itself, in the personal chat.
        await OpenAsync(page, "Personal Chat");
        var reminder = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Dags för säkerhetsutbildningen" });
        await Expect(reminder.First, "the reminder card");
        var text = await reminder.First.InnerTextAsync();
        Assert.Contains("Säkerhetsutbildning för förtroendevalda", text, StringComparison.Ordinal);
        Assert.Contains("Gör den gärna senast 13 januari 2027.", text, StringComparison.Ordinal);
        await CardShot(page, reminder.First, "training-1-reminder");

        // 2. Done, from the card.
        await reminder.First.GetByRole(AriaRole.Button, new() { Name = "Jag har genomfört utbildningen" }).ClickAsync();
        await Expect(page.GetByText(new Regex("Tack! \"Säkerhetsutbildning för förtroendevalda\" är markerad som genomförd")).First, "the thanks");
        var record = await Rig.Bot.Get<ITrainingRecords>().GetAsync(new TrainingRecordKey(PlaygroundTenant, "alingsas", "mandatperiod", "2026-2030", AlexAadObjectId), default);
        Assert.Equal(CompletionSource.SelfReported, record?.Source);

        // 3. The security unit's status in the channel counts it.
        await OpenAsync(page, "General");
        await SayInChannelAsync(page, "utbildningsstatus");
        // (The channel has no chosen language, and the Playground's Teams speaks English.)
        var status = page.Locator(".ac-adaptiveCard").Filter(new() { HasTextRegex = new Regex("(Utbildningsstatus|Training status), Alingsås kommun") });
        await Expect(status.First, "the status card");
        Assert.Matches(new Regex(@"1 (av|of) 1 (klara|done) \(100 %\)"), await status.First.InnerTextAsync());

        // The chart by party loads (a broken link gives naturalWidth 0) before the card is photographed.
        var chart = status.First.Locator("img").First;
        await chart.WaitForAsync();
        var loaded = false;
        for (var wait = 0; wait < 100 && !loaded; wait++)
        {
            loaded = await chart.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0");
            if (!loaded)
            {
                await page.WaitForTimeoutAsync(200);
            }
        }

        Assert.True(loaded, "the chart in the status card did not load");
        await CardShot(page, status.First, "training-2-status");
        Assert.Single(Rig.Bot.Get<ITrainingRecords>() is { } records
            ? await records.ListAsync(PlaygroundTenant, "alingsas", "mandatperiod", "2026-2030", default)
            : []);
    }

    private static async Task OpenAsync(IPage page, string name)
    {
        await page.GetByText(name, new() { Exact = true }).First.ClickAsync();
        await page.WaitForTimeoutAsync(300);
    }

    private static async Task SayInChannelAsync(IPage page, string text)
    {
        var editor = page.Locator("[data-lexical-editor=\"true\"]");
        if (!await editor.First.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("(new|start a) post", RegexOptions.IgnoreCase) }).First.ClickAsync();
        }

        await editor.First.ClickAsync();
        await page.Keyboard.TypeAsync("<at>Test Bot</at> " + text);
        await page.Keyboard.PressAsync("Enter");
    }

    private async Task Expect(ILocator locator, string what)
    {
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Not seen in the Playground: {what}.\nPlayground output:\n{Rig.Playground.Output}", ex);
        }
    }

    /// <summary>The card as a member reads it on a narrow screen: the card element alone, 400 px wide.</summary>
    private static async Task CardShot(IPage page, ILocator card, string name)
    {
        var width = await card.EvaluateAsync<string>("e => e.style.width");
        await card.EvaluateAsync("e => { e.style.width = '400px'; e.style.maxWidth = '400px'; }");
        await page.WaitForTimeoutAsync(100);
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(PlaygroundRig.ScreenshotDir(), name + ".png") });
        await card.EvaluateAsync("(e, w) => { e.style.width = w; e.style.maxWidth = ''; }", width);
    }
}
