using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Trygg.Cards;
using Trygg.Conversation.Proactive;
using Trygg.Cases.Delivery;
using Trygg.Outbox;

namespace Trygg.Privacy;

public sealed class ErasedCardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static OutboxEntity Posted(OutboxKind kind = OutboxKind.CaseToChannel, OutboxState state = OutboxState.Delivered)
    {
        var row = OutboxEntity.New("t|alingsas", OutboxEntity.Key("HOT-2026-0007", "channel", "0"), "t", "alingsas", "HOT-2026-0007", kind, Now);
        row.State = state.ToString();
        row.ConversationId = "19:security@thread.tacv2;messageid=1";
        row.ActivityId = "1";
        return row;
    }

    private static ErasedCardDelivery Delivery(IProactiveMessenger messenger) =>
        new(new CardRenderer(), messenger, NullLogger<ErasedCardDelivery>.Instance);

    [Fact]
    public void Forget_RowThatRanOutOfAttempts_NoConversationOrActivityLeft()
    {
        var row = ErasedCards.For(Posted(), Now);
        row.State = nameof(OutboxState.Failed);
        row.Attempts = 10;

        ((IOutboxHandler)Delivery(Mock.Of<IProactiveMessenger>())).Forget(row);

        Assert.Equal((null, null), (row.ConversationId, row.ActivityId));
    }

    [Theory]
    [InlineData("CaseToChannel", "Delivered", true)]
    [InlineData("CaseToPerson", "Delivered", true)]
    [InlineData("ReporterUpdate", "Delivered", true)]
    [InlineData("MeetingNoticeToChannel", "Delivered", true)]
    [InlineData("CaseToPerson", "Pending", false)]
    [InlineData("Escalation", "Delivered", false)]
    public void IsPostedCard_DeliveredCardRows_Only(string kind, string state, bool expected) =>
        Assert.Equal(expected, ErasedCards.IsPostedCard(Posted(Enum.Parse<OutboxKind>(kind), Enum.Parse<OutboxState>(state))));

    [Fact]
    public void For_SameCardTwice_SameKeyAndNoCaseInIt()
    {
        var first = ErasedCards.For(Posted(), Now);
        var second = ErasedCards.For(Posted(), Now.AddHours(1));

        Assert.Equal((first.PartitionKey, first.RowKey), (second.PartitionKey, second.RowKey));
        Assert.DoesNotContain("HOT-2026-0007", first.PartitionKey + first.RowKey + first.CaseNumber, StringComparison.Ordinal);
        Assert.Equal(OutboxKind.ErasedCard, first.KindValue);
        Assert.Equal(("19:security@thread.tacv2;messageid=1", "1"), (first.ConversationId, first.ActivityId));
    }

    [Fact]
    public async Task DeliverAsync_Replaced_SentWithoutAPlace()
    {
        var messenger = new Mock<IProactiveMessenger>();
        AdaptiveCard? sent = null;
        messenger.Setup(m => m.UpdateAsync("t", new PostedMessage("19:security@thread.tacv2;messageid=1", "1"), It.IsAny<AdaptiveCard>(), It.IsAny<CancellationToken>()))
            .Callback<string, PostedMessage, AdaptiveCard, CancellationToken>((_, _, card, _) => sent = card)
            .Returns(Task.CompletedTask);

        var outcome = await Delivery(messenger.Object).DeliverAsync(ErasedCards.For(Posted(), Now), default);

        Assert.Equal(new DeliveryOutcome.Sent(null), outcome);
        var text = System.Text.RegularExpressions.Regex.Unescape(sent!.Json);
        Assert.Contains("Uppgifterna är raderade.", text, StringComparison.Ordinal);
        Assert.Contains("The details have been erased.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_TeamsThrottles_Retried()
    {
        var messenger = new Mock<IProactiveMessenger>();
        messenger.Setup(m => m.UpdateAsync(It.IsAny<string>(), It.IsAny<PostedMessage>(), It.IsAny<AdaptiveCard>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProactiveException(ProactiveFailure.Transient, "429"));

        var outcome = await Delivery(messenger.Object).DeliverAsync(ErasedCards.For(Posted(), Now), default);

        Assert.IsType<DeliveryOutcome.Retry>(outcome);
    }

    [Fact]
    public async Task DeliverAsync_UntrustedServiceUrl_WaitsWithThePlaceKept()
    {
        var messenger = new Mock<IProactiveMessenger>();
        messenger.Setup(m => m.UpdateAsync(It.IsAny<string>(), It.IsAny<PostedMessage>(), It.IsAny<AdaptiveCard>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProactiveException(ProactiveFailure.UntrustedServiceUrl, "untrusted service URL", notAttempted: true));

        var outcome = await Delivery(messenger.Object).DeliverAsync(ErasedCards.For(Posted(), Now), default);

        Assert.IsType<DeliveryOutcome.UntrustedServiceUrl>(outcome);
    }

    [Fact]
    public async Task DeliverAsync_MessageGone_DoneWithoutAPlace()
    {
        var messenger = new Mock<IProactiveMessenger>();
        messenger.Setup(m => m.UpdateAsync(It.IsAny<string>(), It.IsAny<PostedMessage>(), It.IsAny<AdaptiveCard>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProactiveException(ProactiveFailure.Permanent, "404 NotFound"));

        var outcome = await Delivery(messenger.Object).DeliverAsync(ErasedCards.For(Posted(), Now), default);

        Assert.Equal(new DeliveryOutcome.Sent(null), outcome);
    }
}
