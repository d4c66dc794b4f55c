using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Conversation.Languages;

/// <summary>
/// The security unit's side of a Swedish organisation is Swedish in its channel, whatever the staff member's Teams
/// client speaks and whatever language they type the command in.
/// </summary>
public sealed class StaffLanguageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string StaffAadObjectId = "00000000-0000-0000-0000-0000000000020"; // security staff in every shipped profile
    private const string Channel = "19:security@thread.tacv2";
    private TryggBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await TryggBot.StartAsync(azurite);
        await _bot.RegisterSecurityChannelAsync(StaffAadObjectId);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("training status", "Utbildningsstatus")]
    [InlineData("unanswered questions", "Obesvarade frågor")]
    [InlineData("annual report 2025", "Årsuppföljning")]
    [InlineData("erase data Nobody Known", "Jag hittar ingen ledamot som heter")]
    public async Task EnglishCommandFromAnEnglishClient_InTheSecurityChannel_IsAnsweredInSwedish(string command, string swedish)
    {
        var reply = await SayInChannelAsync(command);

        Assert.Contains(swedish, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwedishCommandFromAnEnglishClient_InTheSecurityChannel_IsAnsweredInSwedish()
    {
        var reply = await SayInChannelAsync("utbildningsstatus");

        Assert.Contains("Utbildningsstatus", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Training status", reply, StringComparison.Ordinal);
    }

    private async Task<string> SayInChannelAsync(string text)
    {
        _bot.Connector.Clear();
        var staff = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = StaffAadObjectId, ConversationId = Channel, Locale = "en-US" };
        await _bot.PostAsync(staff.ChannelMessage(text));
        var reply = await _bot.Connector.WaitForMessageAsync(r => r.ConversationId?.StartsWith(Channel, StringComparison.Ordinal) == true);
        return CardJson.CardOf(reply.Body!) is { } card ? CardJson.TextOf(card) : (string?)reply.Body!["text"] ?? "";
    }
}
