namespace Trygg.Guidance;

/// <summary>
/// Known questions approved by an organisation's administrators (<see cref="Learning.GuidanceLearning"/>) join the
/// questions of the corpus' <c>.questions</c> files for that organisation's members. They take part everywhere the
/// corpus' own do (the questions field, the vocabulary, the compound splitter, "asked before"), so an index with them
/// is a new build from the corpus (<see cref="WithLearned"/>): a second or two, once per change, never per question,
/// and never on a member's or administrator's turn. The build is swapped in through <see cref="LearnedIndexes"/>;
/// an index never changes once built.
/// </summary>
public sealed partial class GuidanceIndex
{
    /// <summary>Lifts the passage an administrator approved for exactly this question above any other (it orders, it is no evidence).</summary>
    private const float ApprovedLift = 1000f;

    /// <summary>The corpus' passages without learned questions (set on a learned build; null on the corpus' own).</summary>
    private IReadOnlyList<GuidancePassage>? _corpus;
    private Dictionary<int, HashSet<string>> _approvedFor = [];

    /// <summary>The approved questions per passage id this index was built with (empty for the corpus' own).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Learned { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// A new index of the same corpus with <paramref name="questions"/> (passage id to approved questions) added to the
    /// corpus' own known questions; this index is left as it is. Built from the corpus, so what an earlier build learned
    /// is not carried over: a withdrawn approval leaves. Ids the corpus no longer has are ignored.
    /// </summary>
    public GuidanceIndex WithLearned(IReadOnlyDictionary<string, IReadOnlyList<string>> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var corpus = _corpus ?? Passages;
        var passages = corpus
            .Select(p => questions.TryGetValue(p.Id, out var asked)
                ? p with { Questions = [.. p.Questions, .. asked.Where(q => !p.Questions.Contains(q, StringComparer.OrdinalIgnoreCase))] }
                : p)
            .ToList();
        return new GuidanceIndex(passages, Weights)
        {
            _corpus = corpus,
            Learned = questions,
            _approvedFor = questions
                .Select(q => (Ordinal: passages.FindIndex(p => p.Id == q.Key), Questions: q.Value.Select(Learning.LearnedPair.Normalize).ToHashSet(StringComparer.Ordinal)))
                .Where(q => q.Ordinal >= 0)
                .ToDictionary(q => q.Ordinal, q => q.Questions),
        };
    }

    /// <summary>
    /// A question asked exactly as an approved one (case, spacing and end punctuation aside) ranks the approved passage
    /// first: the administrator said which passage answers it, and the passage's known questions make the decision to
    /// answer confident. Without it, a question that shares rare words with another passage kept that one first.
    /// </summary>
    private float LearnedLift(int ordinal, string question) =>
        _approvedFor.TryGetValue(ordinal, out var approved) && approved.Contains(Learning.LearnedPair.Normalize(question)) ? ApprovedLift : 0f;
}
