using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Training;
using Trygg.Cases;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

/// <summary>
/// Messages the bot starts itself use the language the member's own chat remembers, read when they are sent: through
/// /api/messages (the member writes, the language policy remembers), Azurite and the loopback connector (the reminder
/// or the case notice arrives in the member's chat).
/// </summary>
public sealed class MemberLanguageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>What the member wrote before the proactive message, from which client, and the language it must be in.</summary>
    public static TheoryData<string[], string, bool> Members() => new()
    {
        { ["Hello, I would like to know what this bot can do for me."], "sv-SE", true },
        { ["Hej, jag vill veta vad du kan hjälpa mig med."], "en-US", false },
        { ["in english", "ok"], "sv-SE", true },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public async Task TrainingReminder_IsInTheMembersRememberedLanguage(string[] written, string locale, bool english)
    {
        var text = await ReminderAsync(written, locale, Language.Swedish);

        Assert.Contains(english ? "Time for your security training" : "Dags för säkerhetsutbildningen", text, StringComparison.Ordinal);
        Assert.Contains(english ? "I have done it" : "Jag har genomfört utbildningen", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.English, "Time for your security training")]
    [InlineData(Language.Swedish, "Dags för säkerhetsutbildningen")]
    public async Task TrainingReminder_MemberWhoNeverWrote_GetsTheOrganisationsLanguage(Language organisationLanguage, string expected)
    {
        var text = await ReminderAsync([], "en-US", organisationLanguage);

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The text of the first mandate-period reminder a member of Testkommun (in <paramref name="organisationLanguage"/>)
    /// gets after writing <paramref name="written"/> from a <paramref name="locale"/> client, the whole bot running on
    /// 15 October 2026 with its scheduler and dispatcher.
    /// </summary>
    private async Task<string> ReminderAsync(string[] written, string locale, Language organisationLanguage)
    {
        await using var connector = await FakeConnector.StartAsync();
        var member = new Activities(connector.ServiceUrl) { UserAadObjectId = "dddddddd-0000-4000-8000-" + Guid.NewGuid().ToString("N")[..12], Locale = locale };
        var organisation = TrainingSteps.Testkommun() with
        {
            Routing = TrainingSteps.Testkommun().Routing with { MembersGroupId = null },
            Language = organisationLanguage,
        };
        using var app = new TryggApp(azurite.ConnectionString, connector.ServiceUrl, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?>
        {
            ["Trygg:FakeNow"] = "2026-10-15T09:30:00+02:00",
            ["Training:RunScheduler"] = "true",
            ["Training:SchedulerInterval"] = "00:00:01",
            ["Delivery:PollInterval"] = "00:00:00.100",
        }, services => services.AddSingleton<IOrganisationDirectory>(new OrganisationDirectory([organisation])));
        await WriteAsync(app, connector, member, written);

        // The member is known from now on: the scheduler plans the mandate period's course for them.
        await app.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, member.UserAadObjectId),
            new MemberProfile(organisation.Id, "Socialdemokraterna", MemberRole.Fritidspolitiker, ["kf"], null, "Anna Andersson", null, DateTimeOffset.Parse("2026-09-01T12:00:00+02:00", CultureInfo.InvariantCulture)),
            default);

        // The only member of this bot: the reminder goes to their chat, or to one opened for them when they never wrote.
        var reminder = await connector.WaitForMessageAsync(
            r => CardText.Of(r.Body).Contains("Säkerhetsutbildning för förtroendevalda", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        return CardText.Of(reminder.Body);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public async Task CaseAcknowledgedNotice_IsInTheLanguageTheMemberUsesWhenItIsSent(string[] written, string locale, bool english)
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        await bot.RegisterChannelAsync();
        // Reported in Swedish; what the member writes afterwards is what they will be answered in.
        var caseNumber = await bot.ReportAsync();
        var member = new Activities(bot.Connector.ServiceUrl) { ConversationId = bot.Member.ConversationId, UserId = bot.Member.UserId, UserAadObjectId = bot.Member.UserAadObjectId, Locale = locale };
        await WriteAsync(bot.App, bot.Connector, member, written);

        await bot.PressInChannelAsync(CaseVerbs.Acknowledge, caseNumber, DeliverySteps.Alex, "Alex Wilber");

        var notice = await bot.Connector.WaitForMessageAsync(r => r.ConversationId == member.ConversationId && CardText.Of(r.Body).Contains(caseNumber, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains(english ? "has received your report " + caseNumber : "har tagit emot din rapport " + caseNumber, CardText.Of(notice.Body), StringComparison.Ordinal);
    }

    /// <summary>Each message through /api/messages, waiting for the bot's answer before the next.</summary>
    private static async Task WriteAsync(TryggApp app, FakeConnector connector, Activities member, string[] written)
    {
        foreach (var text in written)
        {
            var message = member.Message(text);
            await app.PostActivityAsync(message);
            await connector.WaitForMessageAsync(r => r.ActivityId == message["id"]!.GetValue<string>());
        }
    }
}
