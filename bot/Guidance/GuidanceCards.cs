using System.Globalization;
using System.Text.RegularExpressions;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Guidance.Browse;
using Trygg.Texts;

namespace Trygg.Guidance;

internal sealed record TextLine(string Text);

/// <summary>A "Läs också" item: one line, the passage's title and, when another document, where it comes from.</summary>
internal sealed record RelatedPassage(string Text);

/// <summary>"Fick du svar?": the card carries only the answer's id; what was asked and shown stays on the server.</summary>
internal sealed record FeedbackData(string Prompt, string Yes, string No, string Card);

/// <summary>A tap-to-call button (<c>tel:</c>).</summary>
internal sealed record CallButton(string Title, string Url);

/// <summary>Data of Guidance/Cards/Answer.json.</summary>
internal sealed record AnswerCard(
    string Title, string Note, IReadOnlyList<TextLine> Lines, string Label, string Source, string Section,
    string Url, string OpenSource, string NoUrl, string ReadAlso, IReadOnlyList<RelatedPassage> Related,
    string Danger, FeedbackData Feedback, string Thanks, IReadOnlyList<CallButton> ThanksCalls)
{
    public const string Template = "Guidance/Answer";
}

/// <summary>One "Menade du...?" choice: the card it belongs to and its place among the suggestions, nothing else.</summary>
/// <param name="Label">The choice's name as a screen reader says it (its action title): the title, with the topic for a reader of English.</param>
internal sealed record SuggestionChoice(string Title, string Label, string Document, string Card, string Choice);

/// <summary>Data of Guidance/Cards/Suggest.json.</summary>
/// <remarks><c>browse</c> ("Leta själv bland ämnena") opens the topics, carrying this card's id so a passage the member then opens is learned as the answer to the question.</remarks>
internal sealed record SuggestCard(string Title, string Intro, IReadOnlyList<SuggestionChoice> Choices, string NoneOfThese, string Browse, string Card, string Danger)
{
    public const string Template = "Guidance/Suggest";
}

/// <summary>Data of Guidance/Cards/NoAnswer.json.</summary>
/// <remarks><c>browse</c> opens the topics with <c>card</c>, the id the question is kept under (empty: browsing alone).</remarks>
internal sealed record NoAnswerCard(
    string Title, string AskUnit, string Happened, string Report, string ReportVerb, string Contacts, string ContactsVerb, string Browse, string Card, string AskAgain, string Danger)
{
    public const string Template = "Guidance/NoAnswer";
}

internal sealed record UnansweredQuestion(string When, string Text, string Card);

/// <summary>Data of Guidance/Cards/Unanswered.json.</summary>
internal sealed record UnansweredCard(string Title, string Intro, string None, IReadOnlyList<UnansweredQuestion> Questions, string Link)
{
    public const string Template = "Guidance/Unanswered";
}

/// <summary>What an answer card shows: the passages, the question, and who is asking (their municipality and security unit).</summary>
internal sealed record AnswerContext(
    string Question, IReadOnlyList<GuidancePassage> Passages, string? Municipality, string? SecurityUnit, string CardId, DateTimeOffset At);

/// <summary>
/// Builds the guidance cards: the best passage with its key sentence in bold, where it comes from (publisher, title,
/// date, section, link, national or whose municipality), up to two related passages, and "Fick du svar?".
/// </summary>
/// <param name="topics">The topics the guidance is browsed by, whose English titles name a suggestion to a member who reads English.</param>
internal sealed partial class GuidanceCards(ICardRenderer renderer, GuidanceIndex index, GuidanceTopics? topics = null)
{
    /// <summary>The language the guidance is written in: quoted as written, with a note to a member who reads another.</summary>
    private const Language GuidanceLanguage = Language.Swedish;

    /// <summary>
    /// The card a member's question gets in its band: the answer, "Menade du...?" with the passages as choices, or
    /// "Jag hittar inget". The bot and the benchmark both take this path, so the measured query time includes it.
    /// </summary>
    public AdaptiveCard For(Language language, AnswerContext context, GuidanceMode mode)
    {
        ArgumentNullException.ThrowIfNull(context);
        return mode switch
        {
            GuidanceMode.Answer => Answer(language, context),
            GuidanceMode.Suggest => Suggest(language, context.Passages, context.CardId),
            _ => NoAnswer(language, context.Question, context.SecurityUnit, FeatureVerbs.Report, context.CardId),
        };
    }

    /// <param name="call">After "Nej": the number to call now, shown as a tap-to-call button under the thanks.</param>
    public AdaptiveCard Answer(Language language, AnswerContext context, string thanks = "", Trygg.Organisations.ContactNumber? call = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var t = GuidanceTexts.For(language);
        var best = context.Passages[0];
        var key = KeySentence(best.Text, context.Question);
        return renderer.Render(AnswerCard.Template, new AnswerCard(
            t.AnswerTitle,
            language == GuidanceLanguage ? string.Empty : t.QuotedInSwedish,
            [.. Lines(best.Text).Select(line => new TextLine(Emphasise(line, key)))],
            Label(t, best, context.Municipality),
            Source(t, best),
            $"{t.Section}: {best.Heading}",
            IsWebAddress(best.Source) ? best.Source : string.Empty,
            t.OpenSource,
            t.NoSourceAddress,
            context.Passages.Count > 1 ? t.ReadAlso : string.Empty,
            [.. context.Passages.Skip(1).Take(2).Select(p => new RelatedPassage(Related(p, best)))],
            t.Danger,
            new FeedbackData(t.DidThisHelp, t.Yes, t.No, context.CardId),
            thanks,
            call is { TelUri: { } tel } ? [new CallButton(string.Format(CultureInfo.InvariantCulture, t.CallFormat, call.Phone), tel)] : []));
    }

    /// <param name="cardId">The id the question is kept under, for "Leta själv bland ämnena".</param>
    public AdaptiveCard NoAnswer(Language language, string question, string? securityUnit, string reportVerb, string cardId)
    {
        var t = GuidanceTexts.For(language);
        return NoAnswerCardOf(t, t.NoAnswerTitle, IncidentCues.SoundsLikeSomethingHappened(question) ? t.SomethingHappened : string.Empty, securityUnit, reportVerb, cardId);
    }

    /// <summary>
    /// "Menade du något av det här?": the choices as titles, never the passages' text, so nothing reads as an answer
    /// before the member picks one. A choice carries only the card's id and its place; the passages stay on the server.
    /// </summary>
    public AdaptiveCard Suggest(Language language, IReadOnlyList<GuidancePassage> passages, string cardId)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var t = GuidanceTexts.For(language);
        return renderer.Render(SuggestCard.Template, new SuggestCard(
            t.SuggestTitle,
            t.SuggestIntro,
            [.. passages.Select((p, i) => Choice(language, p, cardId, i))],
            t.NoneOfThese,
            t.BrowseYourself,
            cardId,
            t.Danger));
    }

    /// <summary>
    /// One suggestion, titled by the passage's heading and first words, with its source under it. To a reader of English
    /// (the guidance is Swedish) the line under it also names the passage's topic in English ("Reporting to the police
    /// and the municipality · Alingsås kommun"), and its action (what a screen reader says) starts with that topic.
    /// </summary>
    private SuggestionChoice Choice(Language language, GuidancePassage passage, string cardId, int position)
    {
        var title = PassageTitle.Of(passage);
        var choice = position.ToString(CultureInfo.InvariantCulture);
        if (language != GuidanceLanguage && topics?.Find(topics.TopicOf(passage)) is { } topic)
        {
            var about = topic.Title(language);
            return new SuggestionChoice(title, $"{about}: {title}", $"{about} · {PassageTitle.Document(passage)}", cardId, choice);
        }

        return new SuggestionChoice(title, title, PassageTitle.Document(passage), cardId, choice);
    }

    /// <summary>After "Inget av detta": thanks, whom to ask, a way to report what happened, and the topics to browse (<paramref name="cardId"/>: the suggestions' card).</summary>
    public AdaptiveCard NoneOfThese(Language language, string? securityUnit, string reportVerb, string cardId)
    {
        var t = GuidanceTexts.For(language);
        return NoAnswerCardOf(t, t.NoneOfTheseTitle, t.SomethingHappened, securityUnit, reportVerb, cardId);
    }

    /// <summary>The "nothing here" card both ways in share: whom to ask, a report, the contacts and the topics.</summary>
    private AdaptiveCard NoAnswerCardOf(GuidanceTexts t, string title, string somethingHappened, string? securityUnit, string reportVerb, string cardId) =>
        renderer.Render(NoAnswerCard.Template, new NoAnswerCard(
            title,
            string.IsNullOrWhiteSpace(securityUnit) ? t.AskUnknownUnit : string.Format(CultureInfo.InvariantCulture, t.AskUnit, securityUnit),
            somethingHappened,
            t.Report,
            reportVerb,
            t.Contacts,
            FeatureVerbs.Contacts,
            t.BrowseYourself,
            cardId,
            t.AskAgain,
            t.Danger));

    /// <summary>One organisation's list, named in the title so nobody mistakes whose questions they read.</summary>
    public AdaptiveCard Unanswered(Language language, string organisationName, IReadOnlyList<GuidanceFeedback> feedback, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var t = GuidanceTexts.For(language);
        var culture = CultureInfo.GetCultureInfo(t.DateCulture);
        return renderer.Render(UnansweredCard.Template, new UnansweredCard(
            $"{t.UnansweredTitle}: {organisationName}",
            t.UnansweredIntro,
            feedback.Count == 0 ? t.UnansweredEmpty : string.Empty,
            [.. feedback.Select(f => new UnansweredQuestion(TimeZoneInfo.ConvertTime(f.AnsweredAt, zone).ToString("d MMM yyyy HH:mm", culture), f.Question, f.CardId))],
            Learning.LearningTexts.For(language).Link));
    }

    /// <summary>
    /// The sentence of the passage that holds most of the question's information (IDF-weighted words); null when the
    /// passage is a single sentence or no sentence stands out, so nothing is bolded for nothing.
    /// </summary>
    internal string? KeySentence(string passage, string question)
    {
        var words = index.Analyze(question).Words.Where(w => w.Known).ToList();
        var sentences = Sentence().Matches(passage).Select(m => m.Value.Trim().TrimStart('-', '•', ' ')).Where(s => s.Length > 0).ToList();
        if (sentences.Count < 2 || words.Count == 0)
        {
            return null;
        }

        var scored = sentences
            .Select(s => (Sentence: s, Terms: index.Terms(s).ToHashSet(StringComparer.Ordinal)))
            .Select(s => (s.Sentence, Score: words.Where(w => w.All.Any(s.Terms.Contains) || (w.Parts.Count > 1 && w.Parts.All(p => p.Any(s.Terms.Contains))))
                .Sum(w => w.All.Concat(w.Parts.SelectMany(p => p)).Select(index.Vocabulary.Idf).DefaultIfEmpty(0).Max())))
            .OrderByDescending(s => s.Score)
            .ToList();
        return scored[0].Score > 0 && (scored.Count == 1 || scored[0].Score > scored[1].Score) ? scored[0].Sentence : null;
    }

    private static string Emphasise(string line, string? key)
    {
        if (key is null)
        {
            return line;
        }

        var at = line.IndexOf(key, StringComparison.Ordinal);
        return at < 0 ? line : $"{line[..at]}**{key}**{line[(at + key.Length)..]}";
    }

    /// <summary>
    /// The passage's lines as shown, one per text block so a list stays a list on a phone: a lone list item without
    /// its bullet, list items with "•", and the items after an item that ends with a colon ("Notera:") indented under
    /// it with "◦" while they start in lower case, as the guidance writes a sub-list.
    /// </summary>
    internal static IReadOnlyList<string> Lines(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 1 && lines[0].StartsWith("- ", StringComparison.Ordinal))
        {
            return [lines[0][2..]];
        }

        var shown = new List<string>(lines.Length);
        var nested = false;
        foreach (var line in lines)
        {
            if (!line.StartsWith("- ", StringComparison.Ordinal))
            {
                nested = false;
                shown.Add(line);
                continue;
            }

            var item = line[2..].Trim();
            nested = nested && item.Length > 0 && char.IsLower(item[0]);
            shown.Add(nested ? SubItemIndent + "◦ " + item : "• " + item);
            nested = nested || item.EndsWith(':');
        }

        return shown;
    }

    /// <summary>No-break spaces: Teams keeps them where it trims ordinary leading spaces.</summary>
    private const string SubItemIndent = "\u00A0\u00A0\u00A0\u00A0";

    /// <summary>A "Läs också" line: the passage's title, and its document only when it is not the answer's.</summary>
    private static string Related(GuidancePassage p, GuidancePassage answer) =>
        p.DocumentId == answer.DocumentId ? $"• {PassageTitle.Of(p)}" : $"• {PassageTitle.Of(p)} ({ShortPublisher(p)})";

    /// <summary>"Sveriges Kommuner och Landsting" for "Sveriges Kommuner och Landsting (SKL, numera SKR)": one line is short.</summary>
    private static string ShortPublisher(GuidancePassage p)
    {
        var at = p.Publisher.IndexOf(" (", StringComparison.Ordinal);
        return at > 0 ? p.Publisher[..at] : p.Publisher;
    }

    private static string Source(GuidanceTexts t, GuidancePassage p)
    {
        var date = string.IsNullOrWhiteSpace(p.Date) || p.Date == "odaterad" ? t.Undated : p.Date;
        return $"{p.Publisher}: {p.Title} ({date})";
    }

    /// <summary>National (SKL/SKR), the member's own municipality, or another's ("Från Göteborgs Stad ...").</summary>
    private static string Label(GuidanceTexts t, GuidancePassage p, string? municipality)
    {
        if (p.IsNational)
        {
            return t.National;
        }

        if (municipality is null)
        {
            return string.Format(CultureInfo.InvariantCulture, t.AppliesTo, p.Publisher);
        }

        return string.Equals(SwedishFold.Fold(p.Municipality.Trim()), SwedishFold.Fold(municipality), StringComparison.Ordinal)
            ? t.OwnMunicipality
            : string.Format(CultureInfo.InvariantCulture, t.OtherMunicipality, p.Publisher);
    }

    private static bool IsWebAddress(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    // A sentence ends at . ! ? followed by space or the end, or at a line break; "4 kap. 18 a §" stays whole enough.
    [GeneratedRegex(@"[^\n.!?]+(?:[.!?](?=\s|$)|\n|$)")]
    private static partial Regex Sentence();
}
