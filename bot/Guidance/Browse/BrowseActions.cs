using System.Globalization;
using Trygg.Conversation;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Guidance.Learning;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Guidance.Browse;

/// <summary>Browsing the guidance's verbs.</summary>
public static class BrowseVerbs
{
    /// <summary>The topics; with data <c>topic</c> (and <c>page</c>), that topic's passages.</summary>
    public const string Browse = FeatureVerbs.Browse;

    /// <summary>One passage (data <c>passage</c>, its id), shown as the answer card shows it.</summary>
    public const string Open = "guidance.passage";
}

/// <summary>
/// The question a member answered "Nej" to, or left unsure ("Leta själv bland ämnena" on a "Menade du...?" or
/// "Jag hittar inget" card), kept in their conversation for a while: a passage they then open by browsing is a
/// candidate answer to it (<see cref="IGuidanceLearning"/>).
/// </summary>
internal sealed record AfterNo(string Question, string PassageId, DateTimeOffset At)
{
    public const string Slot = "guidance.afterno";

    /// <summary>How long after "Nej" a passage found by browsing still counts as the answer to that question.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    public static StateKey KeyFor(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new StateKey(turn.TenantId, turn.ConversationId, turn.MemberId, Slot);
    }
}

/// <summary>
/// "vägledningen": the topics, a topic's passages (the member's municipality first), and a passage as the answer card
/// shows it. Reading is open to anyone who may chat with the bot; nothing is stored except, after a "Nej", the pair
/// of that question and the passage the member found (without identity). Neither questions nor passages are logged.
/// </summary>
internal sealed partial class BrowseActions(
    GuidanceIndex index,
    GuidanceTopics topics,
    GuidanceCards answers,
    BrowseCards cards,
    IMemberProfiles profiles,
    IOrganisationDirectory organisations,
    IConversationStateStore state,
    IGuidanceFeedbackStore feedback,
    IGuidanceLearning learning,
    TimeProvider time,
    ILogger<BrowseActions> logger) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [BrowseVerbs.Browse, BrowseVerbs.Open];

    public Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        return turn.Action?.Verb == BrowseVerbs.Open ? OpenAsync(turn, replies, cancellationToken) : BrowseAsync(turn, replies, cancellationToken);
    }

    private async Task BrowseAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        if (topics.Find(turn.Action?.Get("topic")) is not { } topic)
        {
            await RememberUnsureQuestionAsync(turn, cancellationToken);
            replies.ShowCard(turn, cards.Topics(turn.Language, topics));
            return;
        }

        var page = int.TryParse(turn.Action?.Get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        replies.ShowCard(turn, cards.Passages(turn.Language, topic, Municipalities.Of(index, organisation), page));
    }

    private async Task OpenAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        if (index.Find(turn.Action?.Get("passage") ?? string.Empty) is not { } passage)
        {
            replies.ShowText(turn, BrowseTexts.For(turn.Language).Gone);
            return;
        }

        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        await LearnAfterNoAsync(turn, organisation, passage, cancellationToken);
        var context = new AnswerContext(
            passage.Heading, [passage], Municipalities.Of(index, organisation), organisation?.SecurityUnitName, Guid.NewGuid().ToString("N"), time.GetUtcNow());
        replies.ShowCard(turn, answers.Answer(turn.Language, context));
    }

    /// <summary>
    /// "Leta själv bland ämnena" on a card the bot was unsure on carries only that card's id: the question is the one
    /// kept on the server under it, in the member's own tenant and organisation, so a forged id finds nothing.
    /// </summary>
    private async Task RememberUnsureQuestionAsync(Turn turn, CancellationToken cancellationToken)
    {
        var cardId = turn.Action?.Get("card");
        if (!turn.User.IsIdentified || !GuidanceActions.IsUnsureCard(cardId))
        {
            return;
        }

        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        if (await feedback.GetAnswerAsync(turn.TenantId, organisation?.Id ?? string.Empty, cardId!, cancellationToken) is { } given)
        {
            await state.UpdateAsync<AfterNo>(AfterNo.KeyFor(turn), _ => new AfterNo(given.Question, string.Empty, time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>A passage opened within <see cref="AfterNo.Window"/> of a "Nej" is a candidate answer to that question; the note is then spent.</summary>
    private async Task LearnAfterNoAsync(Turn turn, Organisation? organisation, GuidancePassage passage, CancellationToken cancellationToken)
    {
        if (!turn.User.IsIdentified || await state.GetAsync<AfterNo>(AfterNo.KeyFor(turn), cancellationToken) is not { } afterNo)
        {
            return;
        }

        if (organisation is not null && time.GetUtcNow() - afterNo.At <= AfterNo.Window && afterNo.PassageId != passage.Id)
        {
            await learning.RecordCandidateAsync(organisation.Id, afterNo.Question, passage.Id, cancellationToken);
            LogFoundAfterNo(organisation.Id);
        }

        await state.DeleteAsync(AfterNo.KeyFor(turn), cancellationToken);
    }

    private async Task<Organisation?> OrganisationOfAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (!turn.User.IsIdentified)
        {
            return null;
        }

        var profile = await profiles.GetAsync(turn, cancellationToken);
        return profile is null ? null : organisations.Find(profile.OrganisationId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A member found a passage by browsing after answering No in {OrganisationId}: kept as a candidate")]
    private partial void LogFoundAfterNo(string organisationId);
}
