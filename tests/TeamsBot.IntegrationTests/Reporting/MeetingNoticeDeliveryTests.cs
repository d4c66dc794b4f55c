using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Testing.Cases;

namespace Trygg.Reporting;

/// <summary>
/// A sensitive-meeting notice reaches the security channel: through /api/messages, the real bot with the Alingsås
/// profile, Azurite and the loopback connector as Teams. Before the fix the notice got its MOT number and the log said
/// "sent", but nothing was ever posted.
/// </summary>
public sealed class MeetingNoticeDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Notice_IsPostedOnceAsANewThreadInTheSecurityChannel_WithTheReceiptNotClaimingItAlreadyWas()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        await bot.RegisterChannelAsync();
        var member = bot.Member;
        await bot.App.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, member.UserAadObjectId),
            new MemberProfile("alingsas", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["kf"], null, "Anna Andersson", null, DateTimeOffset.UtcNow),
            default);

        await bot.App.PostActivityAsync(member.Message("vi har ett känsligt beslut på fullmäktige nästa vecka"));
        var form = await bot.Connector.WaitForMessageAsync(r => r.ConversationId == member.ConversationId && r.Body!.ToJsonString().Contains("\"notice\":\"", StringComparison.Ordinal));
        var notice = form.Body!.ToJsonString().Split("\"notice\":\"")[1].Split('"')[0];
        var input = new JsonObject
        {
            ["notice"] = notice, ["date"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time"] = "18:00", ["body"] = "kf", ["topic"] = "Nedläggning av en skola", ["reason"] = "Många arga inlägg.", ["audience"] = "100 personer",
        };
        var receipt = CardText.Of(await SendAsync(bot, input));
        await SendAsync(bot, (JsonObject)input.DeepClone());

        var reference = $"MOT-{DateTime.UtcNow.Year}-0001";
        Assert.Contains(reference, receipt, StringComparison.Ordinal);
        Assert.Contains("skickas nu till säkerhetsenheten", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("har fått veta", receipt, StringComparison.Ordinal);

        await DeliverySteps.EventuallyAsync(() => bot.Connector.ThreadsIn(DeliverySteps.ChannelId).Count > 0, "the notice in the security channel");
        await Task.Delay(500);
        var thread = Assert.Single(bot.Connector.ThreadsIn(DeliverySteps.ChannelId));
        Assert.True(thread.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal(DeliverySteps.ChannelId, thread.Body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.TenantId, thread.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        var activity = thread.Body["activity"]!;
        Assert.Null(activity["text"]); // a card alone, so the post can be updated later (and the Playground gives it an id)
        var card = CardText.Of(activity["attachments"]![0]!["content"]);
        foreach (var expected in new[] { reference, "Kommunfullmäktige", "Nedläggning av en skola", "Många arga inlägg.", "100 personer", "Anna Andersson", " 18:00" })
        {
            Assert.Contains(expected, card, StringComparison.Ordinal);
        }

        // What the member typed is a TextRun, never a markdown TextBlock: it cannot become a link for the security unit.
        var typed = CardJson.Objects(activity["attachments"]![0]!["content"]!).Where(n => n["text"]?.GetValue<string>() is { } text
            && (text.Contains("Nedläggning av en skola", StringComparison.Ordinal) || text.Contains("Många arga inlägg.", StringComparison.Ordinal))).ToList();
        Assert.Equal(2, typed.Count);
        Assert.All(typed, n => Assert.Equal("TextRun", n["type"]!.GetValue<string>()));
        Assert.Equal(201, thread.StatusCode);
    }

    private static async Task<JsonNode> SendAsync(TryggBot bot, JsonObject input)
    {
        var response = await bot.App.PostActivityAsync(bot.Member.Execute("meeting.send", input));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
    }
}
