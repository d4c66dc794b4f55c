using Trygg.Outbox;
using Trygg.Testing;
using Trygg.Testing.Cases;

namespace Trygg.Cases.Messages;

/// <summary>"Skriv till anmälaren" through the real bot: who may write, what the member receives, once, and retried.</summary>
public sealed class CaseMessageWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Write_Staff_MemberGetsItInTheirLanguageFromTheUnitWithReply()
    {
        await using var world = await MessagesWorld.StartAsync(azurite, "Hello, what should I do if someone threatens me online?", "en-US");

        var staffCard = await world.WriteAsync("Do you remember roughly when the message came?");

        var received = await world.WaitForAsync(world.Member.ConversationId, "Do you remember roughly when");
        Assert.Contains("Message from Säkerhetsenheten", received, StringComparison.Ordinal);
        Assert.Contains("has written to you about your report " + world.Case, received, StringComparison.Ordinal);
        Assert.Contains("messages.reply", received, StringComparison.Ordinal);
        Assert.Contains("Reply", received.Split('\n'));
        Assert.Contains("call 112", received, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", received, StringComparison.Ordinal);

        // Staff read the thread on the case details, with who wrote it.
        Assert.Contains("Do you remember roughly when", staffCard, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber till anmälaren", staffCard, StringComparison.Ordinal);
        var stored = Assert.Single(await world.MessagesAsync());
        Assert.Equal((MessageDirection.ToMember, TestOrganisations.Alex), (stored.Direction, stored.StaffAadObjectId));
        var audit = await world.App.Get<TableCaseStore>().ListAuditAsync(Activities.TenantId, MessagesWorld.Org, world.Case, default);
        Assert.Contains(audit, a => a.Action == AuditAction.WroteToMember && a.Allowed && a.Detail is null);
    }

    [Fact]
    public async Task Write_SwedishMember_GetsItInSwedish()
    {
        await using var world = await MessagesWorld.StartAsync(azurite);

        await world.WriteAsync("Vet du ungefär när meddelandet kom?");

        var received = await world.WaitForAsync(world.Member.ConversationId, "Vet du ungefär när");
        Assert.Contains("Meddelande från Säkerhetsenheten", received, StringComparison.Ordinal);
        Assert.Contains("Svara", received.Split('\n'));
    }

    [Theory]
    [InlineData(TestOrganisations.Megan)]
    [InlineData(TestOrganisations.Outsider)]
    public async Task Write_NotSecurityStaff_RefusedAndNothingStoredOrSent(string aad)
    {
        await using var world = await MessagesWorld.StartAsync(azurite);
        var someone = new Activities(world.Connector.ServiceUrl) { UserAadObjectId = aad };

        var answer = await world.WriteAsync("Hej från någon utan behörighet", who: someone);

        Assert.DoesNotContain("Hej från någon utan behörighet", answer, StringComparison.Ordinal);
        Assert.Empty(await world.MessagesAsync());
        await Task.Delay(500);
        Assert.DoesNotContain(world.SentTo(world.Member.ConversationId), m => m.Contains("Hej från någon utan behörighet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_DoubleClick_OneMessageStoredAndSentOnce()
    {
        await using var world = await MessagesWorld.StartAsync(azurite);
        var id = MessagesWorld.NewId();

        await Task.WhenAll(world.WriteAsync("Ring oss gärna i dag.", id), world.WriteAsync("Ring oss gärna i dag.", id));
        await world.WaitForAsync(world.Member.ConversationId, "Ring oss gärna i dag.");
        await Task.Delay(1_000);

        Assert.Single(await world.MessagesAsync());
        Assert.Single(world.SentTo(world.Member.ConversationId), m => m.Contains("Ring oss gärna i dag.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_DeliveryFails_RetriedThroughTheOutboxUntilItArrives()
    {
        await using var world = await MessagesWorld.StartAsync(azurite);
        var failing = world.Connector.FailWhen(
            r => r.ConversationId == world.Member.ConversationId && r.Operation == FakeConnectorOperation.SendToConversation,
            FakeConnectorFault.Status(503),
            times: 2);

        await world.WriteAsync("Vi hör av oss i eftermiddag.");

        await world.WaitForAsync(world.Member.ConversationId, "Vi hör av oss i eftermiddag.");
        Assert.Equal(2, failing.Hits);
        var row = await world.DeliveredAsync(OutboxKind.CaseMessageToMember);
        Assert.Equal(3, row.Attempts);
    }
}
