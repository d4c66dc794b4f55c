using System.Net;
using System.Text.Json.Nodes;
using Trygg.Testing;

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
        await using var bot = await BotHarness.StartAsync(azurite);
        var personalChat = bot.Activities.ConversationId;
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(bot.Activities.Message("hej"))).StatusCode);
        await bot.Connector.WaitForMessageAsync(r => r.ConversationId == personalChat);
        bot.Connector.Clear();

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(InGroupChat(bot.Activities.Message(text)))).StatusCode);

        var inGroup = (await bot.Connector.WaitForMessageAsync(r => r.ConversationId == GroupChatId)).ToActivity()!;
        Assert.Equal(HandoverTexts.Swedish.InGroup, inGroup.Text);
        Assert.Empty(inGroup.Attachments ?? []);
        var privately = await bot.Connector.WaitForMessageAsync(r => r.ConversationId == personalChat);
        var card = BotHarness.CardOf(privately.Body!)!;
        Assert.Equal(verb, card["actions"]![0]!["data"]!["verb"]!.GetValue<string>());
        Assert.DoesNotContain(bot.Connector.Requests, r => r.ConversationId == GroupChatId && r.ToActivity()?.Attachments is { Count: > 0 });
    }

    [Fact]
    public async Task AcuteDangerInGroupChat_112ThereAtOnce_AndTheReportContinuesInANewPersonalChat()
    {
        await using var bot = await BotHarness.StartAsync(azurite);

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
        await using var bot = await BotHarness.StartAsync(azurite);
        var channelMessage = bot.Activities.ChannelMessage("rapportera");

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(channelMessage)).StatusCode);

        var reply = (await bot.Connector.WaitForMessageAsync(r => r.ConversationId == bot.Activities.ConversationId)).ToActivity()!;
        Assert.Equal(HandoverTexts.Swedish.InGroup, reply.Text);
        Assert.Empty(reply.Attachments ?? []);
        await bot.Connector.WaitForAsync(r => r.Operation == FakeConnectorOperation.CreateConversation);
    }

    private static JsonObject InGroupChat(JsonObject activity)
    {
        activity["conversation"]!["id"] = GroupChatId;
        activity["conversation"]!["conversationType"] = "groupChat";
        activity["conversation"]!["isGroup"] = true;
        return activity;
    }
}
