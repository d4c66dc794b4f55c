namespace Trygg.Guidance;

/// <summary>A ranked passage and its score.</summary>
public sealed record GuidanceHit(GuidancePassage Passage, float Score, int Ordinal)
{
    /// <summary>The score without the member's-municipality lift: how well the passage matches the question itself.</summary>
    internal float Evidence { get; init; }
}

/// <summary>How the bot answers a question: confidently, with "did you mean" choices, or not at all.</summary>
public enum GuidanceMode
{
    /// <summary>Nothing is close: the guidance does not cover it; ask the security unit.</summary>
    None,

    /// <summary>Not sure, but the ranking has candidates: "Menade du något av det här?" with up to four choices.</summary>
    Suggest,

    /// <summary>Confident: the best passage first, then "Läs också".</summary>
    Answer,
}

/// <summary>
/// The answer to a member's question: the best passages, and how sure the bot is (<see cref="Mode"/>).
/// <see cref="Hits"/> is the answer and "Läs också" when <see cref="Mode"/> is Answer, the suggestions, best first,
/// when it is Suggest, and empty when it is None; <see cref="Answered"/> is Mode == Answer.
/// </summary>
public sealed record GuidanceAnswer(bool Answered, IReadOnlyList<GuidanceHit> Hits, double Confidence, int MatchedWords = 0, int UnknownWords = 0)
{
    public static GuidanceAnswer None { get; } = new(false, [], 0);

    /// <summary>Answer, Suggest (the hits are choices, not an answer) or None.</summary>
    public GuidanceMode Mode { get; init; } = Answered ? GuidanceMode.Answer : GuidanceMode.None;
}

/// <summary>
/// Searches the guidance and decides whether to answer. A wrong answer about safety is worse than "I don't know",
/// so the bot answers only when the best passage holds enough of the question's information (IDF-weighted coverage)
/// and, when some words of the question are ones the guidance never uses, only when the rest of the question is
/// understood clearly: more of its words matched than unknown, a solid amount of information matched and a strong
/// top score. A question about parking, salaries or another city's routine has its topic in the words the guidance
/// never uses and little else; "får jag ta med en kompis på förhöret hos polisen" has one odd word and a clear match.
/// See <see cref="Decide"/>; the thresholds were calibrated on the development sets only (eval/qa-dev.json,
/// eval/guidance-questions.json, with each answerable question also scored with one made-up unknown word added).
/// </summary>
/// <remarks>
/// With <paramref name="learned"/>, a search for an organisation's member reads that organisation's index at the
/// time of the search (the corpus with the questions its administrators approved, see <see cref="LearnedIndexes"/>);
/// without, or for no organisation, <paramref name="index"/>, the corpus' own. With <paramref name="topicOf"/> (a
/// passage's browsing topic), close passages of one topic answer together instead of being offered as choices
/// (<see cref="SameTopic"/>).
/// </remarks>
public sealed class GuidanceSearch(GuidanceIndex index, LearnedIndexes? learned = null, Func<GuidancePassage, string?>? topicOf = null)
{
    /// <summary>Share of the question's IDF weight the top passage must cover.</summary>
    internal const double MinCoverage = 0.45;

    /// <summary>A lower coverage is enough when the top passage scores at least <see cref="StrongScore"/>.</summary>
    internal const double MinCoverageWhenStrong = 0.30;

    /// <summary>BM25 score (without the member's-municipality lift) of a clear match.</summary>
    internal const float StrongScore = 12f;

    /// <summary>BM25 score the top passage needs when the question has words the guidance never uses.</summary>
    internal const float MinScoreWithUnknown = 10f;

    /// <summary>IDF mass of matched words needed when the question has unknown words or the coverage is low.</summary>
    internal const double MinMatchedInformation = 6;

    /// <summary>
    /// How much an unknown word weighs in the coverage, as a share of the highest IDF: a word the guidance never uses
    /// may be the topic (parking) or a side word (a friend, a hearing); the other conditions tell which.
    /// </summary>
    internal const double UnknownWeight = 0.5;

    /// <summary>
    /// How closely (<see cref="GuidanceIndex.Asked"/>) one of the top passage's known questions must say what the member
    /// asked to answer on that alone (when every word of the question is known to the text or the known questions).
    /// </summary>
    internal const double MinAsked = 0.5;

    /// <summary>IDF mass of matched words needed when a word of the question is unknown even to the known questions.</summary>
    internal const double MinInformationWhenUnheardOf = 9;

    /// <summary>
    /// The top score over the second's a confident answer needs. Below it the top passages are too close to tell
    /// apart by words alone, and the member chooses ("Menade du..."). Chosen on the development sets, where the passages
    /// that pass <see cref="Decide"/> but are wrong mostly have a small gap (docs/guidance-search.md).
    /// </summary>
    internal const float MinGap = 1.8f;

    /// <summary>How closely a known question must match to answer although a word is unknown even to the known questions.</summary>
    internal const double MinAskedWhenUnheardOf = 0.6;

    /// <summary>
    /// BM25 score (without the member's-municipality lift) the top passage needs for the bot to suggest anything: below
    /// it, out-of-scope questions outnumbered answerable ones whose right passage was in the top three.
    /// </summary>
    internal const float MinSuggestScore = 9f;

    /// <summary>
    /// Suggestions shown at most. A fourth raised one-tap success on 7 of the 12 development sets and lowered it on none
    /// (pooled 739 to 748 of 869 answerable questions, 85.0 % to 86.1 %); confident wrong and out-of-scope suggested do
    /// not depend on it (the band is decided before the count). Measured with <c>GUIDANCE_SUGGESTIONS=3|4 scripts/eval-guidance.sh</c>.
    /// </summary>
    internal const int MaxSuggestions = 4;

    private const int Candidates = 20;

    /// <summary>
    /// The band: answer when <see cref="Decide"/> holds and the top passage stands clearly above the next, on at least
    /// two of the question's words or a close known question (and no word both the text and the known questions ignore,
    /// unless a known question matches closely); suggest when <see cref="Decide"/> holds or the top passage still
    /// matches well, and the question names no place the guidance lacks; otherwise none. The cost minimised is a confident wrong answer, then suggestions to an out-of-scope question.
    /// </summary>
    internal static GuidanceMode Band(AnswerEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var answerable = Decide(e);
        if (answerable && e.Gap >= MinGap && Clear(e))
        {
            return GuidanceMode.Answer;
        }

        return e.Elsewhere == 0 && !MostlyUnheardOf(e) && (answerable || e.TopScore >= MinSuggestScore) ? GuidanceMode.Suggest : GuidanceMode.None;
    }

    /// <summary>
    /// At least half of the question's words are ones neither the guidance nor its known questions use ("pepparspray",
    /// "kontaktförbud", "arvode", "parkering"): its topic is most likely one of them, and the passages that share its
    /// other words ("skydda", "politiker", "stadshuset") are about something else, so choices would mislead. On the
    /// development sets this kept 23 of 101 out-of-scope questions from suggestions and 3 of 949 answerable ones.
    /// </summary>
    internal static bool MostlyUnheardOf(AnswerEvidence e) => e.UnknownToQuestions > 0 && e.UnknownToQuestions * 2 >= e.Words;

    /// <summary>
    /// Everything a confident answer needs except the gap: <see cref="Decide"/>, and the match rests on at least two of
    /// the question's words or a close known question. When only the gap is missing, close passages of one topic may
    /// still answer together (<see cref="SameTopic"/>).
    /// </summary>
    internal static bool AnswerableButClose(AnswerEvidence e) => e.Gap < MinGap && Decide(e) && Clear(e);

    /// <summary>
    /// How closely one of the top passage's known questions must say what the member asked, with every word of the
    /// question known, for close passages of one topic to answer together (<see cref="SameTopic"/>): the rule then
    /// rests on a question the guidance is known to answer, not on shared words alone. Lower, it answered
    /// out-of-scope questions on the development sets ("vad är numret till stödtelefonen i gbg?").
    /// </summary>
    internal const double MinAskedForTopic = 0.8;

    /// <summary>Whether close passages may answer together as one topic (<see cref="SameTopic"/>).</summary>
    internal static bool TopicMayAnswer(AnswerEvidence e) =>
        AnswerableButClose(e) && e.Asked >= MinAskedForTopic && e.Unknown == 0 && e.UnknownToQuestions == 0;

    /// <summary>At least two of the question's words or a close known question, and no word unheard of unless a known question matches closely.</summary>
    private static bool Clear(AnswerEvidence e) =>
        (e.Matched >= 2 || e.Asked >= MinAsked) && (e.UnknownToQuestions == 0 || e.Asked >= MinAskedWhenUnheardOf);

    /// <summary>Whether the evidence is good enough to show the passage.</summary>
    internal static bool Decide(AnswerEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Elsewhere > 0 || !e.DetailHeld)
        {
            return false;
        }

        if (e.UnknownToQuestions == 0 && e.Asked >= MinAsked)
        {
            return true; // the member asked what the passage is known to answer, in words the guidance or its questions use
        }

        if (e.Matched < 1)
        {
            return false;
        }

        if (e.Unknown > 0 && e.Matched < e.Unknown + 1)
        {
            return false; // more of the question unknown than understood
        }

        if (e.UnknownToQuestions > 0 && e.MatchedInformation < MinInformationWhenUnheardOf)
        {
            return false; // a word no passage and no known question uses is most likely the topic: parking, filming, fire safety
        }

        var solid = e.MatchedInformation >= MinMatchedInformation;
        if (e.Coverage >= MinCoverage && (e.Unknown == 0 || (solid && e.TopScore >= MinScoreWithUnknown)))
        {
            return true;
        }

        return e.Coverage >= MinCoverageWhenStrong && solid && e.TopScore >= StrongScore;
    }

    /// <summary>What the decision to answer rests on, for the top passage (for the eval's explanations and tuning).</summary>
    internal AnswerEvidence Features(GuidanceQuery query, IReadOnlyList<GuidanceHit> ranked)
    {
        var asked = Topical(Content(query)).Words;
        var content = Topical(Content(index.AnalyzeAgainstText(query)));
        var words = content.Words;
        double known = 0, unknown = 0, covered = 0;
        var matched = 0;
        foreach (var word in words)
        {
            if (!word.Known)
            {
                unknown += UnknownWeight * index.TextVocabulary.UnknownIdf;
                continue;
            }

            var weight = Weight(word);
            known += weight;
            if (ranked.Count > 0 && index.Contains(ranked[0].Ordinal, word))
            {
                covered += weight;
                matched++;
            }
        }

        return new AnswerEvidence(
            Coverage: known + unknown > 0 ? covered / (known + unknown) : 0,
            MatchedInformation: covered,
            Matched: matched,
            Words: words.Count,
            Unknown: content.UnknownCount,
            TopScore: ranked.Count > 0 ? ranked[0].Evidence : 0,
            Gap: ranked.Count > 1 && ranked[1].Score > 0 ? ranked[0].Score / ranked[1].Score : float.PositiveInfinity,
            Elsewhere: content.ElsewhereCount)
        {
            UnknownToQuestions = asked.Count(w => !w.Known),
            DetailHeld = ranked.Count == 0 || AskedDetail.Holds(query.Question, ranked[0].Passage.Text),
            Asked = ranked.Count > 0 ? index.Asked(ranked[0].Ordinal, asked, w => w.Known ? Weight(w, index.Vocabulary) : UnknownWeight * index.Vocabulary.UnknownIdf) : 0,
        };
    }

    private double Weight(QueryWord word) => Weight(word, index.TextVocabulary);

    private static double Weight(QueryWord word, GuidanceVocabulary vocabulary)
    {
        // The highest IDF of its stems, or of its compound's parts when it has none (loops: this runs for every word of every question).
        var best = double.MinValue;
        if (word.HasStems)
        {
            foreach (var term in word.Terms)
            {
                best = Math.Max(best, vocabulary.Idf(term));
            }

            foreach (var term in word.Related)
            {
                best = Math.Max(best, vocabulary.Idf(term));
            }

            return best;
        }

        foreach (var alternatives in word.Parts)
        {
            foreach (var term in alternatives)
            {
                best = Math.Max(best, vocabulary.Idf(term));
            }
        }

        return best == double.MinValue ? throw new InvalidOperationException("Sequence contains no elements") : best;
    }

    /// <summary>
    /// Answers, suggests or says nothing fits (<see cref="Band"/>). <paramref name="excluded"/> names passages not to
    /// suggest for this question (an administrator rejected the pair); they are skipped, not counted.
    /// </summary>
    /// <param name="organisationId">The asking member's organisation: its approved questions count, no other's.</param>
    /// <param name="suggestions">Suggestions shown at most (<see cref="MaxSuggestions"/>; the eval may try another count).</param>
    public GuidanceAnswer Search(
        string question, string? municipality, int max = 3, Func<GuidancePassage, bool>? excluded = null, string? organisationId = null, int suggestions = MaxSuggestions)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (learned is not null && !string.IsNullOrEmpty(organisationId))
        {
            using var lease = learned.Acquire(organisationId);
            if (lease.Index != index)
            {
                return new GuidanceSearch(lease.Index, topicOf: topicOf).Search(question, municipality, max, excluded, suggestions: suggestions);
            }
        }

        var query = index.Analyze(question);
        max = Math.Max(max, 1);
        suggestions = Math.Max(suggestions, 1);
        var ranked = Rank(query, municipality, Candidates);
        if (ranked.Count == 0)
        {
            return GuidanceAnswer.None with { UnknownWords = query.UnknownCount };
        }

        var evidence = Features(query, ranked);
        var mode = Band(evidence);

        // An administrator said the best passage does not answer this question: the bot is not sure any more, so the
        // member chooses among the rest, and no answer (nor its "Läs också") shows a rejected passage.
        bool Shown(GuidanceHit hit) => excluded is null || !excluded(hit.Passage);
        var rejectedTop = !Shown(ranked[0]);
        if (mode == GuidanceMode.Answer && rejectedTop)
        {
            mode = GuidanceMode.Suggest;
        }

        var together = mode == GuidanceMode.Suggest && !rejectedTop && topicOf is not null && TopicMayAnswer(evidence)
            ? SameTopic.Answer(ranked, topicOf, Named(query).Count > 0 ? null : municipality, max)
            : null;
        if (together is not null)
        {
            mode = GuidanceMode.Answer;
        }

        IReadOnlyList<GuidanceHit> hits = mode switch
        {
            GuidanceMode.Answer => [.. (together ?? ranked).Where(Shown).Take(max)],
            GuidanceMode.Suggest => [.. ranked.Where(Shown).Take(suggestions)],
            _ => [],
        };
        if (mode == GuidanceMode.Suggest && hits.Count == 0)
        {
            mode = GuidanceMode.None;
        }

        return new GuidanceAnswer(mode == GuidanceMode.Answer, hits, evidence.Coverage, evidence.Matched, evidence.Unknown) { Mode = mode };
    }

    /// <summary>
    /// The best passages for a question, whether or not they are good enough to show: BM25 on the question's
    /// content words, lifted for a document the question names or, when it names none, for the member's own municipality.
    /// </summary>
    internal IReadOnlyList<GuidanceHit> Rank(GuidanceQuery query, string? municipality, int max)
    {
        var named = Named(query);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return index.Search(Content(query), Candidates)
            .Select(r => (r.Ordinal, Scope: named.Count > 0 && index.InScope(r.Ordinal, named) ? index.Weights.NamedScope : 1f, r.Score, r.Match))
            .Select(r => (r.Ordinal, Evidence: r.Match * r.Scope, Score: r.Score * r.Scope
                * (named.Count == 0 && IsOwn(index.Passages[r.Ordinal], municipality) ? index.Weights.OwnMunicipality : 1f)))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Ordinal)
            .Where(r => seen.Add(index.Passages[r.Ordinal].Text))
            .Take(max)
            .Select(r => new GuidanceHit(index.Passages[r.Ordinal], r.Score, r.Ordinal) { Evidence = r.Evidence })
            .ToList();
    }

    /// <summary>The words of the question that name a document ("enligt SKL", "i gbg").</summary>
    private HashSet<string> Named(GuidanceQuery query) =>
        query.Words.SelectMany(w => w.All).Where(index.IsScopeTerm).ToHashSet(StringComparer.Ordinal);

    /// <summary>Raw evidence as JSON, for calibrating the decision offline.</summary>
    internal string Dump(string question)
    {
        var query = index.Analyze(question);
        var ranked = Rank(query, null, 3);
        var content = Content(query);
        var words = content.Words.Select(w => new
        {
            t = w.Text,
            k = w.Known,
            idf = w.Known ? Weight(w) : -1,
            m = ranked.Select(r => w.Known && index.Contains(r.Ordinal, w)).ToArray(),
        });
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            words,
            s = ranked.Select(r => r.Score).ToArray(),
            sec = ranked.Select(r => r.Passage.DocumentId + "|" + r.Passage.Section).ToArray(),
            n = index.Vocabulary.PassageCount,
        });
    }

    /// <summary>The question without the everyday words the guidance does not use (<see cref="EverydayWords"/>): they are no topic.</summary>
    private static GuidanceQuery Topical(GuidanceQuery query) =>
        query with { Words = [.. query.Words.Where(w => w.Known || !EverydayWords.Contains(w.Text))] };

    /// <summary>The question without the words that only name a document ("enligt SKL", "i gbg").</summary>
    private GuidanceQuery Content(GuidanceQuery query) =>
        query with { Words = [.. query.Words.Where(w => !index.NamesAScope(w))] };

    private static bool IsOwn(GuidancePassage passage, string? municipality) =>
        !string.IsNullOrWhiteSpace(municipality) && !string.IsNullOrEmpty(passage.Municipality)
        && string.Equals(SwedishFold.Fold(passage.Municipality.Trim()), SwedishFold.Fold(municipality.Trim()), StringComparison.Ordinal);
}

/// <summary>What the decision to answer rests on.</summary>
/// <param name="Coverage">IDF-weighted share of the question's words in the top passage; unknown words count as missing, at <see cref="GuidanceSearch.UnknownWeight"/>.</param>
/// <param name="MatchedInformation">The IDF sum of the question's words the top passage holds.</param>
/// <param name="TopScore">The top passage's BM25 score without the member's-municipality lift.</param>
/// <param name="Gap">Top score over the second's (infinite when nothing else matches): a confident answer needs <see cref="GuidanceSearch.MinGap"/>.</param>
/// <param name="Elsewhere">Municipalities or regions named that the guidance has no document for.</param>
internal sealed record AnswerEvidence(double Coverage, double MatchedInformation, int Matched, int Words, int Unknown, float TopScore, float Gap, int Elsewhere = 0)
{
    /// <summary>How closely one question the top passage is known to answer says what the member asked (<see cref="GuidanceIndex.Asked"/>).</summary>
    public double Asked { get; init; }

    /// <summary>Words of the question unknown even to the questions the passages are known to answer.</summary>
    public int UnknownToQuestions { get; init; }

    /// <summary>False when the question asks for a kind of detail (a number, an address, how many) the top passage lacks.</summary>
    public bool DetailHeld { get; init; } = true;

    public override string ToString() =>
        FormattableString.Invariant($"coverage={Coverage:F3} information={MatchedInformation:F2} matched={Matched}/{Words} unknown={Unknown} score={TopScore:F2} gap={Gap:F2} elsewhere={Elsewhere} asked={Asked:F3} unknown-to-questions={UnknownToQuestions} detail-held={DetailHeld}");
}
