using System.Text;
using System.Threading.Channels;

namespace Trygg.Guidance.Learning;

/// <summary>
/// Learning from the questions members really ask, approved by people: candidates are kept without identity
/// (<see cref="IGuidanceLearning"/>), an administrator of the organisation approves or rejects them, and approved pairs
/// become known questions of their passage for that organisation's members only: <see cref="RefreshAsync"/> builds the
/// organisation's index again (<see cref="GuidanceIndex.WithLearned"/>) and swaps it in (<see cref="LearnedIndexes"/>).
/// The build never runs on a turn: a decision asks for a refresh (<see cref="RefreshRequests"/>) and the background
/// poll (<see cref="GuidanceLearningRefresh"/>) does it at once, as it does every interval for other instances'
/// decisions. Rejected pairs are held in memory per organisation for <see cref="IsRejected"/>, refreshed with the same
/// poll. Question texts are never logged.
/// </summary>
internal sealed partial class GuidanceLearning(ILearnedPairStore store, GuidanceIndex index, LearnedIndexes indexes, TimeProvider time, ILogger<GuidanceLearning> logger)
    : IGuidanceLearning, IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile HashSet<string> _rejected = new(StringComparer.Ordinal);
    private Dictionary<string, string> _learnedSignatures = new(StringComparer.Ordinal);

    /// <summary>Refreshes asked for by a decision on this instance: the background poll reads them and refreshes at once.</summary>
    public ChannelReader<bool> RefreshRequests => _requests.Reader;

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

    public bool IsRejected(string? organisationId, string question, string passageId) =>
        question is not null && passageId is not null && _rejected.Contains(Rejection(organisationId ?? string.Empty, LearnedPair.KeyOf(question, passageId)));

    /// <summary>The organisation's candidates whose passage the corpus still has, most asked first.</summary>
    public async Task<IReadOnlyList<(LearnedPair Pair, GuidancePassage Passage)>> CandidatesAsync(string organisationId, int max, CancellationToken cancellationToken)
    {
        var pairs = await store.ListCandidatesAsync(organisationId, max, cancellationToken);
        return [.. pairs.Select(p => (Pair: p, Passage: index.Find(p.PassageId)!)).Where(p => p.Passage is not null)];
    }

    /// <summary>
    /// Approves or rejects a candidate of the organisation (Godkänn / Avvisa); null when it has no such pair (a forged or
    /// stale key). The index learns it in the background, at once (see <see cref="RefreshRequests"/>).
    /// </summary>
    public async Task<LearnedPair?> DecideAsync(string organisationId, string key, bool approve, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(organisationId, key, cancellationToken) is not { } pair)
        {
            return null;
        }

        return await DecideAsync(organisationId, pair.Question, pair.PassageId, approve, cancellationToken);
    }

    /// <summary>Approves (or rejects) a question for a passage directly, as linking an unanswered question does; learned in the background.</summary>
    public async Task<LearnedPair?> DecideAsync(string organisationId, string question, string passageId, bool approve, CancellationToken cancellationToken)
    {
        if (index.Find(passageId) is null || string.IsNullOrWhiteSpace(question))
        {
            return null;
        }

        var decided = await store.DecideAsync(organisationId, question, passageId, approve ? PairState.Approved : PairState.Rejected, time.GetUtcNow(), cancellationToken);
        LogDecided(organisationId, passageId, decided.State);

        // A rejection costs no rebuild, so it holds on this instance at once; the approved pairs wait for the background build.
        var rejected = new HashSet<string>(_rejected, StringComparer.Ordinal);
        if (approve)
        {
            rejected.Remove(Rejection(organisationId, decided.Key));
        }
        else
        {
            rejected.Add(Rejection(organisationId, decided.Key));
        }

        _rejected = rejected;
        _requests.Writer.TryWrite(true);
        return decided;
    }

    /// <summary>
    /// Reads every decided pair: the rejected ones replace the in-memory set, and each organisation whose approved pairs
    /// differ from what its index last learned gets a new build swapped in (a rebuild, so only on a change); an
    /// organisation with none left goes back to the corpus' own index.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var decided = await store.ListDecidedAsync(cancellationToken);
            _rejected = decided.Where(p => p.State == PairState.Rejected).Select(p => Rejection(p.OrganisationId, p.Key)).ToHashSet(StringComparer.Ordinal);
            var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var organisation in decided.GroupBy(p => p.OrganisationId, StringComparer.Ordinal))
            {
                var approved = Approved(organisation.ToList());
                if (approved.Count == 0)
                {
                    continue;
                }

                var signature = string.Join('\n', approved.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}\t{string.Join('\t', a.Value)}"));
                signatures[organisation.Key] = signature;
                if (_learnedSignatures.GetValueOrDefault(organisation.Key) != signature)
                {
                    indexes.Swap(organisation.Key, index.WithLearned(approved));
                    var questions = approved.Values.Sum(q => q.Count);
                    LogLearned(organisation.Key, questions, approved.Count);
                }
            }

            foreach (var gone in _learnedSignatures.Keys.Where(o => !signatures.ContainsKey(o)))
            {
                indexes.Swap(gone, null);
                LogLearned(gone, 0, 0);
            }

            _learnedSignatures = signatures;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// The organisation's approved pairs as a <c>.questions</c> file (see <see cref="GuidanceCorpus.WithQuestions"/>), grouped by the
    /// document file each block belongs in: a quote that is in that one passage of its document, then the questions.
    /// </summary>
    public async Task<(string Content, int Questions)> ExportAsync(string organisationId, CancellationToken cancellationToken)
    {
        var approved = Approved([.. (await store.ListDecidedAsync(cancellationToken)).Where(p => p.OrganisationId == organisationId)]);
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

    /// <summary>A rejection is the organisation's: another organisation's members still get the passage suggested.</summary>
    private static string Rejection(string organisationId, string key) => $"{organisationId}\n{key}";

    public void Dispose() => _refreshing.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance candidate recorded in {OrganisationId} for {PassageId}")]
    private partial void LogCandidate(string organisationId, string passageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance pair in {OrganisationId} for {PassageId}: {State}")]
    private partial void LogDecided(string organisationId, string passageId, PairState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance index of {OrganisationId} learned {Questions} approved questions for {Passages} passages")]
    private partial void LogLearned(string organisationId, int questions, int passages);
}
