using System.Net;
using System.Text.Json.Nodes;
using Trygg.Testing;
using Trygg.Cases.Delivery;
using Trygg.Outbox;

namespace Trygg.Conversation.Handover;

/// <summary>
/// Reporting, "mina rapporter", the profile and "vilka uppgifter har ni om mig" run only in the member's personal chat:
/// asked for in a group chat or a channel, the bot says one short line there and continues 1:1 through the outbox.
/// </summary>
public sealed class PersonalChatHandoverTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string GroupChatId = "19:group-chat@thread.v2";

    public static TheoryData<string, string> PrivateRequests => new()
    {
        { "rapportera", "reporting.start" },
        { "mina rapporter", "reporting.myreports" },
        { "min profil", "profile.show" },
        { "vilka uppgifter har ni om mig", "privacy.mydata" },
    };

    [Theory]
    [MemberData(nameof(PrivateRequests))]
    public async Task PrivateRequestInGroupChat_OneShortLineThere_AndTheFlowContinuesInThePersonalChat(string text, string verb)
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var personalChat = bot.Activities.ConversationId;
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(bot.Activities.Message("hej"))).StatusCode);
        await bot.Connector.WaitForMessageAsync(r => r.ConversationId == personalChat);
        bot.Connector.Clear();

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(InGroupChat(bot.Activities.Message(text)))).StatusCode);

        var inGroup = (await bot.Connector.WaitForMessageAsync(r => r.ConversationId == GroupChatId)).ToActivity()!;
        Assert.Equal(HandoverTexts.Swedish.InGroup, inGroup.Text);
        Assert.Empty(inGroup.Attachments ?? []);
        var privately = await bot.Connector.WaitForMessageAsync(r => r.ConversationId == personalChat);
        var card = CardJson.CardOf(privately.Body!)!;
        Assert.Equal(verb, card["actions"]![0]!["data"]!["verb"]!.GetValue<string>());
        Assert.DoesNotContain(bot.Connector.Requests, r => r.ConversationId == GroupChatId && r.ToActivity()?.Attachments is { Count: > 0 });
    }

    [Fact]
    public async Task AcuteDangerInGroupChat_112ThereAtOnce_AndTheReportContinuesInANewPersonalChat()
    {
        await using var bot = await TryggBot.StartAsync(azurite);

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(InGroupChat(bot.Activities.Message("jag blir hotad just nu, han står utanför")))).StatusCode);

        var inGroup = (await bot.Connector.WaitForMessageAsync(r => r.ConversationId == GroupChatId)).ToActivity()!;
        Assert.Equal(HandoverTexts.Swedish.InGroupAcute, inGroup.Text);
        Assert.Empty(inGroup.Attachments ?? []);

        // The member never wrote to the bot 1:1: the chat is opened for them.
        var opened = await bot.Connector.WaitForAsync(r => r.Operation == FakeConnectorOperation.CreateConversation);
        Assert.False(opened.Body!["isGroup"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public async Task ReportButtonInChannel_NoFormInTheChannel()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var channelMessage = bot.Activities.ChannelMessage("rapportera");

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(channelMessage)).StatusCode);

        var reply = (await bot.Connector.WaitForMessageAsync(r => r.ConversationId == bot.Activities.ConversationId)).ToActivity()!;
        Assert.Equal(HandoverTexts.Swedish.InGroup, reply.Text);
        Assert.Empty(reply.Attachments ?? []);
        await bot.Connector.WaitForAsync(r => r.Operation == FakeConnectorOperation.CreateConversation);
    }

    [Fact]
    public async Task ReportAskedThreeTimesInGroupChat_WhileTheFirstWaits_OneCardInThePersonalChat()
    {
        await using var bot = await TryggBot.StartAsync(azurite, Quiet);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(InGroupChat(bot.Activities.Message("rapportera")))).StatusCode);
        }

        await DeliverAllAsync(bot);

        var cards = bot.Connector.Messages.Select(CardJson.CardOf).Where(c => c is not null).ToList();
        var handover = Assert.Single(cards);
        Assert.Equal("reporting.start", handover!["actions"]![0]!["data"]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task AskedAgainAfterTheFirstCardWent_AnotherCard()
    {
        await using var bot = await TryggBot.StartAsync(azurite, Quiet);
        await bot.PostAsync(InGroupChat(bot.Activities.Message("min profil")));
        await DeliverAllAsync(bot);

        await bot.PostAsync(InGroupChat(bot.Activities.Message("min profil")));
        await DeliverAllAsync(bot);

        Assert.Equal(2, bot.Connector.Messages.Count(m => CardJson.CardOf(m) is not null));
    }

    [Fact]
    public async Task HandoverDelivered_NoRowNamesTheMemberAnyMore()
    {
        await using var bot = await TryggBot.StartAsync(azurite, Quiet);
        await bot.PostAsync(InGroupChat(bot.Activities.Message("mina rapporter")));
        Assert.Contains(bot.Activities.UserAadObjectId, await DumpRemindersAsync(bot), StringComparison.OrdinalIgnoreCase);

        await DeliverAllAsync(bot);

        Assert.Single(bot.Connector.Messages, m => CardJson.CardOf(m) is not null);
        var reminders = await DumpRemindersAsync(bot);
        Assert.Contains(nameof(OutboxKind.PersonalChatHandover), reminders, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Activities.UserAadObjectId, reminders, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HandoverThatCannotBeDelivered_FailsAndNamesTheMemberNoMore()
    {
        await using var bot = await TryggBot.StartAsync(azurite, new Dictionary<string, string?>(Quiet) { ["Delivery:MaxAttempts"] = "1" });
        bot.Connector.FailWhen(r => r.Operation == FakeConnectorOperation.SendToConversation && r.ConversationId != GroupChatId, FakeConnectorFault.Status(500, "InternalServerError", "Teams is down."));
        await bot.PostAsync(InGroupChat(bot.Activities.Message("rapportera")));

        await DeliverAllAsync(bot);

        var reminders = await DumpRemindersAsync(bot);
        Assert.Contains(nameof(OutboxState.Failed), reminders, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Activities.UserAadObjectId, reminders, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Nothing goes out in the background: the tests decide when the outbox is delivered.</summary>
    private static readonly Dictionary<string, string?> Quiet = new() { ["Delivery:RunInBackground"] = "false" };

    private static async Task DeliverAllAsync(TryggBot bot)
    {
        var dispatcher = bot.App.Get<OutboxDispatcher>();
        while (await dispatcher.RunOnceAsync(default) > 0)
        {
        }
    }

    /// <summary>Every key and property of the reminders table (where handovers wait), as text.</summary>
    private static Task<string> DumpRemindersAsync(TryggBot bot) =>
        Trygg.Privacy.PrivacySteps.DumpAsync(bot.Azurite, bot.App.TablePrefix + TableOutboxStore.RemindersTable);

    private static JsonObject InGroupChat(JsonObject activity)
    {
        activity["conversation"]!["id"] = GroupChatId;
        activity["conversation"]!["conversationType"] = "groupChat";
        activity["conversation"]!["isGroup"] = true;
        return activity;
    }
}
