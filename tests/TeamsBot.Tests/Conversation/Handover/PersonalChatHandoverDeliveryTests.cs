using Moq;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Cases.Delivery;
using Trygg.Outbox;
using Trygg.Texts;

namespace Trygg.Conversation.Handover;

public sealed class PersonalChatHandoverDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static OutboxEntity Handover()
    {
        var row = OutboxEntity.New("handover|t", "0001|x", "t", string.Empty, "handover-x", OutboxKind.PersonalChatHandover, Now);
        row.RecipientAadObjectId = "00000000-0000-0000-0000-0000000000099";
        row.Verb = FeatureVerbs.Acute;
        row.Language = "sv";
        return row;
    }

    private static IMemberLanguage Swedish()
    {
        var languages = new Mock<IMemberLanguage>();
        languages.Setup(l => l.ForAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Language>(), It.IsAny<CancellationToken>())).ReturnsAsync(Language.Swedish);
        return languages.Object;
    }

    [Theory]
    [InlineData(ProactiveFailure.UntrustedServiceUrl, typeof(DeliveryOutcome.UntrustedServiceUrl))]
    [InlineData(ProactiveFailure.Transient, typeof(DeliveryOutcome.Retry))]
    public async Task DeliverAsync_AnAddressNotYetTrustedOrABusyTeams_WaitsNeverFails(ProactiveFailure failure, Type expected)
    {
        var messenger = new Mock<IProactiveMessenger>();
        messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<AdaptiveCard>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProactiveException(failure, "no", notAttempted: failure == ProactiveFailure.UntrustedServiceUrl));

        var outcome = await new PersonalChatHandoverDelivery(new CardRenderer(), messenger.Object, Swedish()).DeliverAsync(Handover(), default);

        Assert.IsType(expected, outcome);
    }
}
