using Trygg.Testing;
using Trygg.Cases.Delivery;
using Trygg.Testing.Cases;

namespace Trygg.Teams.Connector;

/// <summary>
/// A cold instance delivers: the real bot twice on the same Azurite tables and the loopback connector as Teams. The
/// second process has never received an activity; all it knows is the stored conversation references and the
/// configured allow-list of Teams service URLs (as the Bicep template sets it: regional bases, not exact URLs).
/// </summary>
public sealed class ServiceUrlTrustTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SecondInstanceWithEmptyMemory_DeliversAnAlertQueuedByTheFirst()
    {
        // The first instance takes the member's turns and queues the alert, but sends nothing on its own (as if it went
        // down right after the report): its dispatcher is off.
        await using var bot = await DeliverySteps.StartAsync(azurite, new Dictionary<string, string?> { ["Delivery:RunInBackground"] = "false" });
        await bot.RegisterChannelAsync();
        var caseNumber = await bot.ReportAsync();
        await Task.Delay(300);
        Assert.Empty(bot.Connector.ThreadsIn(DeliverySteps.ChannelId));

        // The second trusts only the "region" the connector lives in, as production trusts https://smba.trafficmanager.net/emea/:
        // the stored service URL (…/_connector) lies below it, and no activity ever reaches this process.
        var region = bot.Connector.ServiceUrl[..^FakeConnector.BasePath.Length] + "/";
        using var cold = new TryggApp(azurite.ConnectionString, region, bot.TablePrefix, DeliverySteps.FastDelivery);

        await DeliverySteps.EventuallyAsync(
            () => bot.Connector.ThreadsIn(DeliverySteps.ChannelId).Any(r => CardText.Of(r.Body!["activity"]).Contains(caseNumber, StringComparison.Ordinal))
                && bot.Connector.PersonalChatOf(DeliverySteps.Megan) is { } chat
                && bot.Connector.SendsTo(chat).Any(r => CardText.Of(r.Body).Contains(caseNumber, StringComparison.Ordinal)),
            "the channel thread and Megan's card, sent by the cold instance");
        Assert.True(cold.Get<IServiceUrlTrust>().IsTrusted(bot.Connector.ServiceUrl));
        Assert.False(cold.Get<IServiceUrlTrust>().IsTrusted("http://attacker.example/_connector"));
    }
}
