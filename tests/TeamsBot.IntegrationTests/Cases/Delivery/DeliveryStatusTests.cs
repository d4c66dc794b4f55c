using System.Net;
using System.Text.Json.Nodes;
using Trygg.Testing;
using Trygg.Testing.Cases;

namespace Trygg.Cases.Delivery;

/// <summary>
/// Honest delivery status through /api/messages: the member's receipt and the security unit's channel card say, per
/// recipient, whether the report is on its way, delivered or did not arrive, and change when that does. The real bot,
/// Azurite, and the loopback connector as Teams.
/// </summary>
public sealed class DeliveryStatusTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Receipt_BeforeAnythingWentOut_SaysOnItsWayForEachRecipient_NotSent()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite, new Dictionary<string, string?> { ["Delivery:RunInBackground"] = "false" });
        await bot.RegisterChannelAsync();

        var caseNumber = await bot.ReportAsync();

        var receipt = await ReceiptAsync(bot, bot.Member, caseNumber);
        Assert.Contains("• Säkerhetsenheten, Alingsås kommun – skickas", receipt, StringComparison.Ordinal);
        Assert.Contains("• Megan Bowen – säkerhetsansvarig för Socialdemokraterna – skickas", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("skickats", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("framme", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficerRefusedByTeams_ChannelCardSaysWhomItCouldNotReach_ReceiptSaysItDidNotArrive()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        await bot.RegisterChannelAsync();
        bot.Connector.FailWhen(r => r.IsOpenPersonalChatWith(DeliverySteps.Megan), FakeConnectorFault.Status(403, "MessageWritesBlocked"));

        var caseNumber = await bot.ReportAsync();

        // The card already in the channel is replaced by one that names the unreached role (not the person: need to know).
        var channel = await bot.ChannelRowDeliveredAsync(caseNumber);
        await DeliverySteps.EventuallyAsync(
            () => CardText.Of(bot.Connector.GetActivity(channel.ConversationId!, channel.ActivityId!)).Contains("Kunde inte nå partiets säkerhetsansvarig", StringComparison.Ordinal),
            "the channel card updated with the failed delivery");
        Assert.DoesNotContain("Megan", CardText.Of(bot.Connector.GetActivity(channel.ConversationId!, channel.ActivityId!)), StringComparison.Ordinal);

        var receipt = await ReceiptAsync(bot, bot.Member, caseNumber);
        Assert.Contains("• Säkerhetsenheten, Alingsås kommun – framme", receipt, StringComparison.Ordinal);
        Assert.Contains("• Megan Bowen – säkerhetsansvarig för Socialdemokraterna – kom inte fram. Säkerhetsenheten får veta", receipt, StringComparison.Ordinal);

        // Someone else asking for this receipt learns nothing about the case, not even that it exists.
        var stranger = new Activities(bot.Connector.ServiceUrl) { UserAadObjectId = "stranger-" + Guid.NewGuid().ToString("N")[..8] };
        var theirs = await ReceiptAsync(bot, stranger, caseNumber);
        var none = await ReceiptAsync(bot, stranger, "TRY-1999-0001");
        Assert.DoesNotContain(caseNumber, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", theirs, StringComparison.Ordinal);
        Assert.Equal(none, theirs);
    }

    /// <summary>The receipt's refresh (Teams sends it when the member looks at the card); the card's text.</summary>
    private static async Task<string> ReceiptAsync(TryggBot bot, Activities who, string caseNumber)
    {
        var response = await bot.App.PostActivityAsync(who.Execute("reporting.receipt", new JsonObject { ["case"] = caseNumber }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return CardText.Of(body["value"]);
    }
}
