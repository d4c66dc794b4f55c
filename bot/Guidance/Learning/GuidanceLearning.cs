using System.Text;

namespace Trygg.Guidance.Learning;

/// <summary>
/// Learning from the questions members really ask, approved by people: candidates are kept without identity
/// (<see cref="IGuidanceLearning"/>), an administrator approves or rejects them, and approved pairs become known
/// questions of their passage in this instance's index at once (<see cref="GuidanceIndex.Learn"/>) and in every other
/// instance at its next <see cref="RefreshAsync"/> (polled by <see cref="GuidanceLearningRefresh"/>). Rejected pairs
/// are held in memory for <see cref="IsRejected"/>, refreshed with the same poll. Question texts are never logged.
/// </summary>
internal sealed partial class GuidanceLearning(ILearnedPairStore store, GuidanceIndex index, TimeProvider time, ILogger<GuidanceLearning> logger)
    : IGuidanceLearning, IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile HashSet<string> _rejected = new(StringComparer.Ordinal);
    private string _learnedSignature = string.Empty;

    public async Task RecordCandidateAsync(string organisationId, string question, string passageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(question) || index.Find(passageId) is null)
        {
            return;
        }

        await store.RecordAsync(organisationId ?? string.Empty, question, passageId, time.GetUtcNow(), cancellationToken);
        LogCandidate(string.IsNullOrEmpty(organisationId) ? "-" : organisationId, passageId);
    }

    public bool IsRejected(string question, string passageId) =>
        question is not null && passageId is not null && _rejected.Contains(LearnedPair.KeyOf(question, passageId));

    /// <summary>The organisation's candidates whose passage the corpus still has, most asked first.</summary>
    public async Task<IReadOnlyList<(LearnedPair Pair, GuidancePassage Passage)>> CandidatesAsync(string organisationId, int max, CancellationToken cancellationToken)
    {
        var pairs = await store.ListCandidatesAsync(organisationId, max, cancellationToken);
        return [.. pairs.Select(p => (Pair: p, Passage: index.Find(p.PassageId)!)).Where(p => p.Passage is not null)];
    }

    /// <summary>
    /// Approves or rejects a candidate of the organisation (Godkänn / Avvisa); null when it has no such pair (a forged or
    /// stale key). Applied at once unless <paramref name="refresh"/> is false (<c>eval learn</c> approves many, then refreshes once).
    /// </summary>
    public async Task<LearnedPair?> DecideAsync(string organisationId, string key, bool approve, CancellationToken cancellationToken, bool refresh = true)
    {
        if (await store.GetAsync(organisationId, key, cancellationToken) is not { } pair)
        {
            return null;
        }

        return await DecideAsync(organisationId, pair.Question, pair.PassageId, approve, cancellationToken, refresh);
    }

    /// <summary>Approves (or rejects) a question for a passage directly, as linking an unanswered question does; applied at once.</summary>
    public async Task<LearnedPair?> DecideAsync(string organisationId, string question, string passageId, bool approve, CancellationToken cancellationToken, bool refresh = true)
    {
        if (index.Find(passageId) is null || string.IsNullOrWhiteSpace(question))
        {
            return null;
        }

        var decided = await store.DecideAsync(organisationId, question, passageId, approve ? PairState.Approved : PairState.Rejected, time.GetUtcNow(), cancellationToken);
        LogDecided(organisationId, passageId, decided.State);
        if (refresh)
        {
            await RefreshAsync(cancellationToken);
        }

        return decided;
    }

    /// <summary>
    /// Reads every decided pair: the rejected ones replace the in-memory set, and when the approved ones differ from
    /// what the index last learned, the index learns them (a rebuild, so only on a change).
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var decided = await store.ListDecidedAsync(cancellationToken);
            _rejected = decided.Where(p => p.State == PairState.Rejected).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var approved = Approved(decided);
            var signature = string.Join('\n', approved.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}\t{string.Join('\t', a.Value)}"));
            if (signature == _learnedSignature)
            {
                return;
            }

            index.Learn(approved);
            _learnedSignature = signature;
            var questions = approved.Values.Sum(q => q.Count);
            LogLearned(questions, approved.Count);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// The approved pairs as a <c>.questions</c> file (see <see cref="GuidanceCorpus.WithQuestions"/>), grouped by the
    /// document file each block belongs in: a quote that is in that one passage of its document, then the questions.
    /// </summary>
    public async Task<(string Content, int Questions)> ExportAsync(CancellationToken cancellationToken)
    {
        var approved = Approved(await store.ListDecidedAsync(cancellationToken));
        var builder = new StringBuilder();
        builder.Append("# Frågor som administratörer har godkänt i Trygg. Lägg varje block i dokumentets .questions-fil.\n");
        var count = 0;
        foreach (var document in approved.Select(a => index.Find(a.Key)!).GroupBy(p => p.DocumentId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append("# ").Append(Path.ChangeExtension(document.Key, ".questions")).Append('\n');
            foreach (var passage in document.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                builder.Append("\n> ").Append(Quote(passage)).Append('\n');
                foreach (var question in approved[passage.Id])
                {
                    builder.Append(question.ReplaceLineEndings(" ")).Append('\n');
                    count++;
                }
            }
        }

        return (builder.ToString(), count);
    }

    /// <summary>Approved questions per passage the corpus still has, each question once, in a stable order.</summary>
    private Dictionary<string, IReadOnlyList<string>> Approved(IReadOnlyList<LearnedPair> decided) =>
        decided.Where(p => p.State == PairState.Approved && index.Find(p.PassageId) is not null)
            .GroupBy(p => p.PassageId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string>)[.. g.Select(p => p.Question.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
                StringComparer.Ordinal);

    /// <summary>The shortest run of the passage's first words (at least six) that no other passage of its document holds.</summary>
    private string Quote(GuidancePassage passage)
    {
        var words = passage.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var others = index.Passages.Where(p => p.DocumentId == passage.DocumentId && p.Text != passage.Text)
            .Select(p => string.Join(' ', p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
            .ToList();
        for (var take = Math.Min(6, words.Length); take < words.Length; take++)
        {
            var quote = string.Join(' ', words.Take(take));
            if (!others.Any(o => o.Contains(quote.ToLowerInvariant(), StringComparison.Ordinal)))
            {
                return quote;
            }
        }

        return string.Join(' ', words);
    }

    public void Dispose() => _refreshing.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance candidate recorded in {OrganisationId} for {PassageId}")]
    private partial void LogCandidate(string organisationId, string passageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance pair in {OrganisationId} for {PassageId}: {State}")]
    private partial void LogDecided(string organisationId, string passageId, PairState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance index learned {Questions} approved questions for {Passages} passages")]
    private partial void LogLearned(int questions, int passages);
}
