using System.Globalization;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Routing;

namespace Trygg.Guidance;

/// <summary>The guidance feature's verbs.</summary>
public static class GuidanceVerbs
{
    /// <summary>Answer a question (data: <c>question</c>); without one, ask the member to write it.</summary>
    public const string Ask = FeatureVerbs.Ask;

    /// <summary>"Fick du svar?" Ja / Nej on an answer card.</summary>
    public const string Feedback = "guidance.feedback";

    /// <summary>An administrator lists the latest "Nej" answers.</summary>
    public const string Unanswered = FeatureVerbs.Unanswered;
}

/// <summary>
/// Answers members' questions from the guidance, records "Fick du svar?", and lists unanswered questions for an
/// organisation's administrators. The member's municipality (from their profile) lifts its own documents; the
/// question text is never logged.
/// </summary>
internal sealed partial class GuidanceActions(
    GuidanceSearch search,
    GuidanceIndex index,
    GuidanceCards cards,
    IMemberProfiles profiles,
    IOrganisationDirectory organisations,
    IGuidanceFeedbackStore feedback,
    TimeProvider time,
    ILogger<GuidanceActions> logger) : ICardActionHandler
{
    internal const int UnansweredListed = 15;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public IReadOnlyCollection<string> Verbs { get; } = [GuidanceVerbs.Ask, GuidanceVerbs.Feedback, GuidanceVerbs.Unanswered];

    public Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        return turn.Action?.Verb switch
        {
            GuidanceVerbs.Feedback => FeedbackAsync(turn, replies, cancellationToken),
            GuidanceVerbs.Unanswered => UnansweredAsync(turn, replies, cancellationToken),
            _ => AskAsync(turn, replies, cancellationToken),
        };
    }

    private async Task AskAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var question = turn.Action?.Get("question")?.Trim() ?? string.Empty;
        if (question.Length == 0)
        {
            replies.SendText(GuidanceTexts.For(turn.Language).AskPrompt);
            return;
        }

        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        var municipality = MunicipalityOf(organisation);
        var answer = search.Search(question, municipality);
        if (!answer.Answered)
        {
            LogNotAnswered(organisation?.Id ?? "-", answer.UnknownWords, answer.Confidence);
            replies.ShowCard(turn, cards.NoAnswer(turn.Language, question, organisation?.SecurityUnitName, FeatureVerbs.Report));
            return;
        }

        LogAnswered(organisation?.Id ?? "-", answer.Hits[0].Passage.Id, answer.Confidence);
        var context = new AnswerContext(
            question, [.. answer.Hits.Select(h => h.Passage)], municipality, organisation?.SecurityUnitName, Guid.NewGuid().ToString("N"), time.GetUtcNow());
        replies.ShowCard(turn, cards.Answer(turn.Language, context));
    }

    /// <summary>
    /// Stores the press (question, answer, yes/no, time, organisation; no identity) and shows the same answer with a
    /// thank-you in place of the buttons. An answer whose passages are gone (the corpus changed) still gets thanked.
    /// </summary>
    private async Task FeedbackAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var action = turn.Action!;
        var t = GuidanceTexts.For(turn.Language);
        var helpful = action.Get("helpful") switch
        {
            "yes" => true,
            "no" => false,
            _ => (bool?)null,
        };
        var cardId = action.Get("card") ?? string.Empty;
        if (helpful is null || cardId.Length == 0)
        {
            replies.Fail(400, "BadFeedback", CommonTexts.For(turn.Language).UnknownAction);
            return;
        }

        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        var now = time.GetUtcNow();
        var answeredAt = DateTimeOffset.TryParse(action.Get("at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : now;
        var passageIds = (action.Get("passages") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var question = action.Get("question") ?? string.Empty;
        await feedback.SaveAsync(
            new GuidanceFeedback(organisation?.Id ?? string.Empty, cardId, question, passageIds.FirstOrDefault() ?? string.Empty, helpful.Value, answeredAt, now),
            cancellationToken);
        LogFeedback(organisation?.Id ?? "-", helpful.Value);

        var unit = organisation?.SecurityUnitName ?? (turn.Language == Language.English ? "the security unit" : "säkerhetsenheten");
        var thanks = helpful.Value ? t.ThanksYes : string.Format(CultureInfo.InvariantCulture, t.ThanksNo, unit);
        var passages = passageIds.Select(index.Find).OfType<GuidancePassage>().ToList();
        if (passages.Count == 0 || passages[0].Id != passageIds[0])
        {
            replies.ShowMessage(thanks);
            return;
        }

        var context = new AnswerContext(question, passages, MunicipalityOf(organisation), organisation?.SecurityUnitName, cardId, answeredAt);
        replies.ShowCard(turn, cards.Answer(turn.Language, context, thanks));
    }

    /// <summary>Only for an administrator of some organisation (Routing.Administrators); they see their organisation's list.</summary>
    private async Task UnansweredAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var sender = turn.User.AadObjectId;
        var administered = string.IsNullOrEmpty(sender)
            ? []
            : organisations.All.Where(o => o.Routing?.Administrators.Any(a => string.Equals(a.AadObjectId, sender, StringComparison.OrdinalIgnoreCase)) == true).ToList();
        if (administered.Count == 0)
        {
            LogRefused();
            replies.ShowText(turn, GuidanceTexts.For(turn.Language).NotAdministrator);
            return;
        }

        foreach (var organisation in administered)
        {
            var negative = await feedback.ListRecentNegativeAsync(organisation.Id, UnansweredListed, cancellationToken);
            replies.ShowCard(turn, cards.Unanswered(turn.Language, negative, Stockholm));
        }
    }

    private async Task<Organisation?> OrganisationOfAsync(Turn turn, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(turn, cancellationToken);
        return profile is null ? null : organisations.Find(profile.OrganisationId);
    }

    /// <summary>The corpus municipality an organisation's documents carry ("alingsas" for Alingsås kommun), or null.</summary>
    internal string? MunicipalityOf(Organisation? organisation)
    {
        if (organisation is null)
        {
            return null;
        }

        var names = new[] { organisation.Id, organisation.Name }.Select(n => SwedishFold.Fold(n.Trim())).ToList();
        return index.Municipalities.FirstOrDefault(m =>
        {
            var folded = SwedishFold.Fold(m.Trim());
            return names.Any(n => n == folded || n.StartsWith(folded + " ", StringComparison.Ordinal) || n.StartsWith(folded + "s ", StringComparison.Ordinal));
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance answered in {OrganisationId} with {PassageId} (coverage {Coverage:F2})")]
    private partial void LogAnswered(string organisationId, string passageId, double coverage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance had no answer in {OrganisationId} ({Unknown} unknown words, coverage {Coverage:F2})")]
    private partial void LogNotAnswered(string organisationId, int unknown, double coverage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance feedback in {OrganisationId}: helpful {Helpful}")]
    private partial void LogFeedback(string organisationId, bool helpful);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unanswered questions refused to a non-administrator")]
    private partial void LogRefused();
}
