using Trygg.Conversation.Turns;
using Trygg.Teams.Wire;

namespace Trygg.Teams;

/// <summary>
/// Messages as Teams sends them, for `eval turns`, which runs the real turn pipeline without a connector: the wire
/// types stay in bot/Teams.
/// </summary>
internal static class EvalActivities
{
    /// <summary>A personal-chat message from the member, translated as an inbound activity would be.</summary>
    public static Turn PersonalMessage(string memberId, string text, string locale, string tenantId, DateTimeOffset receivedAt) =>
        ActivityTranslator.ToTurn(
            new Activity
            {
                Type = ActivityTypes.Message,
                Id = "eval-" + Guid.NewGuid().ToString("N")[..12],
                ChannelId = "msteams",
                From = new ChannelAccount { Id = "29:" + memberId, Name = "Eval Member", AadObjectId = memberId },
                Recipient = new ChannelAccount { Id = "28:trygg", Name = "Trygg" },
                Conversation = new ConversationAccount { Id = "a:" + memberId, ConversationType = "personal", TenantId = tenantId },
                Text = text,
                TextFormat = "plain",
                Locale = locale,
            },
            receivedAt);
}
