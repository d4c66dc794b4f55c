namespace Trygg.Guidance;

/// <summary>
/// Close passages of one topic answer together when one of them is the member's own municipality's. "hur polisanmäler
/// jag?" finds the police-report passages of Alingsås and SKL within <see cref="GuidanceSearch.MinGap"/> of each other:
/// words cannot tell which one the member meant, but they are one subject, and for a member of Alingsås their own
/// routine is the one that applies. When the top passage's topic stands clear of every other topic
/// (<see cref="MinTopicGap"/>) and the member's municipality has a passage among the close ones, that passage answers
/// and the others follow under "Läs också". Without the member's municipality among them (or when the question named a
/// document) nothing says which passage applies, and on the development sets the best-ranked one was often another
/// document's answer to a neighbouring question ("måste varje parti ha en säkerhetsansvarig": Göteborg's questions to
/// the party, not Alingsås' rule), so the member chooses. Close passages of different topics are always choices.
/// </summary>
internal static class SameTopic
{
    /// <summary>
    /// The top score over the best score of another topic that the rule needs. On the development sets 1.6 moved 36
    /// questions from choices to an answer and 3 of them to a wrong one (1.8, the gap of a single answer, left out
    /// "hur polisanmäler jag?", whose nearest other topic scores 1.62 times lower).
    /// </summary>
    internal const float MinTopicGap = 1.6f;

    /// <summary>
    /// The answer and its "Läs också", at most <paramref name="max"/>, when the passages ranked above the first one of
    /// another topic are at least two, one of them is the member's municipality's, and that first one of another topic
    /// scores under the top's share (<see cref="MinTopicGap"/>); otherwise null.
    /// </summary>
    /// <param name="ranked">The ranking, best first.</param>
    /// <param name="topicOf">A passage's topic id, or null when it has none (it then belongs to no group).</param>
    /// <param name="municipality">The member's municipality, whose passage answers; null: no answer.</param>
    public static IReadOnlyList<GuidanceHit>? Answer(IReadOnlyList<GuidanceHit> ranked, Func<GuidancePassage, string?> topicOf, string? municipality, int max)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(topicOf);
        if (ranked.Count < 2 || topicOf(ranked[0].Passage) is not { } topic)
        {
            return null;
        }

        var group = ranked.TakeWhile(h => string.Equals(topicOf(h.Passage), topic, StringComparison.Ordinal)).ToList();
        if (group.Count < 2 || (group.Count < ranked.Count && ranked[group.Count].Score * MinTopicGap > ranked[0].Score))
        {
            return null;
        }

        var own = group.FindIndex(h => Municipalities.IsOwn(h.Passage, municipality));
        if (own < 0)
        {
            return null;
        }

        var first = group[own];
        group.RemoveAt(own);
        group.Insert(0, first);

        return [.. group.Take(Math.Max(max, 1))];
    }
}
