namespace Trygg.Guidance;

/// <summary>
/// Known questions approved by an organisation's administrators (<see cref="Learning.GuidanceLearning"/>) join the
/// questions of the corpus' <c>.questions</c> files while the bot runs. They take part everywhere the corpus' own do
/// (the questions field, the vocabulary, the compound splitter, "asked before"), so the index is built again from the
/// corpus with them and takes the new build's state: a second or two, once per change, never per question.
/// </summary>
/// <remarks>
/// The fields are swapped one by one while questions may be searched. Both builds hold the same passages in the same
/// order, so a question that meets half of each still ranks the same passages, only with old and new known questions
/// mixed for that one question; nothing is disposed, since a search may still be reading the old build.
/// </remarks>
public sealed partial class GuidanceIndex
{
    /// <summary>Lifts the passage an administrator approved for exactly this question above any other (it orders, it is no evidence).</summary>
    private const float ApprovedLift = 1000f;

    private readonly Lock _learning = new();
    private IReadOnlyList<GuidancePassage>? _corpus;
    private Dictionary<int, HashSet<string>> _approvedFor = [];

    /// <summary>The approved questions per passage id, as last learned (empty until <see cref="Learn"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Learned { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Rebuilds the index with <paramref name="questions"/> (passage id to approved questions) added to the corpus' own
    /// known questions; an earlier call's questions are replaced, so a withdrawn approval leaves the index too. Ids the
    /// corpus no longer has are ignored.
    /// </summary>
    public void Learn(IReadOnlyDictionary<string, IReadOnlyList<string>> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        lock (_learning)
        {
            _corpus ??= Passages;
            var passages = _corpus
                .Select(p => questions.TryGetValue(p.Id, out var asked)
                    ? p with { Questions = [.. p.Questions, .. asked.Where(q => !p.Questions.Contains(q, StringComparer.OrdinalIgnoreCase))] }
                    : p)
                .ToList();
            var next = new GuidanceIndex(passages, Weights);
            _directory = next._directory;
            _analyzer = next._analyzer;
            _termScores = next._termScores;
            _passageTerms = next._passageTerms;
            _askedTerms = next._askedTerms;
            _questions = next._questions;
            _textQuestions = next._textQuestions;
            _scopes = next._scopes;
            _byId = next._byId;
            Vocabulary = next.Vocabulary;
            TextVocabulary = next.TextVocabulary;
            _reader = next._reader;
            _searcher = next._searcher;
            Passages = next.Passages;
            Learned = questions;
            _approvedFor = questions
                .Select(q => (Ordinal: passages.FindIndex(p => p.Id == q.Key), Questions: q.Value.Select(Learning.LearnedPair.Normalize).ToHashSet(StringComparer.Ordinal)))
                .Where(q => q.Ordinal >= 0)
                .ToDictionary(q => q.Ordinal, q => q.Questions);
        }
    }

    /// <summary>
    /// A question asked exactly as an approved one (case, spacing and end punctuation aside) ranks the approved passage
    /// first: the administrator said which passage answers it, and the passage's known questions make the decision to
    /// answer confident. Without it, a question that shares rare words with another passage kept that one first.
    /// </summary>
    private float LearnedLift(int ordinal, string question) =>
        _approvedFor.TryGetValue(ordinal, out var approved) && approved.Contains(Learning.LearnedPair.Normalize(question)) ? ApprovedLift : 0f;
}
