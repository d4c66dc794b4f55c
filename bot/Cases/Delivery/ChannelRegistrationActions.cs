using System.Globalization;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Cases.Delivery;

/// <summary>
/// "@Trygg registrera säkerhetskanal", written in a team channel: the organisations that list the writer as an
/// administrator get this channel as their security channel. Anyone else is told politely that nothing changed.
/// The answer is in the organisation's language (a channel is shared), Swedish when no organisation is known.
/// </summary>
internal sealed partial class ChannelRegistrationActions(
    IOrganisationDirectory organisations,
    ISecurityChannelStore channels,
    TimeProvider time,
    ILogger<ChannelRegistrationActions> logger) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [FeatureVerbs.RegisterChannel];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        if (turn.Scope != ConversationScope.Channel || string.IsNullOrEmpty(turn.ChannelId) || string.IsNullOrEmpty(turn.TeamId))
        {
            replies.SendText(DeliveryTexts.For(turn.Language).OnlyInChannel);
            return;
        }

        var mine = organisations.All.Where(o => Staff.IsAdministrator(o, turn.User.AadObjectId)).ToList();
        if (mine.Count == 0)
        {
            LogRefused();
            replies.SendText(DeliveryTexts.For(CaseTexts.LanguageOf(null)).NotAdministrator);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var organisation in mine)
        {
            await channels.SaveAsync(
                new SecurityChannel(turn.TenantId, organisation.Id, turn.TeamId, turn.ChannelId, turn.User.AadObjectId!, now),
                cancellationToken);
            LogRegistered(organisation.Id);
        }

        var texts = DeliveryTexts.For(CaseTexts.LanguageOf(mine[0]));
        replies.SendText(string.Format(CultureInfo.InvariantCulture, texts.RegisteredFormat, texts.List([.. mine.Select(o => o.Name)])));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Security channel registered for {OrganisationId}")]
    private partial void LogRegistered(string organisationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security channel registration refused: the writer is no administrator of any organisation")]
    private partial void LogRefused();
}
