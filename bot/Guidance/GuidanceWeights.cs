namespace Trygg.Guidance;

/// <summary>
/// How the pieces of evidence for a passage are weighed. The defaults were chosen on the development sets
/// (eval/qa-dev.json, eval/guidance-questions.json) and checked once on eval/guidance-holdout.json.
/// </summary>
public sealed record GuidanceWeights
{
    public static GuidanceWeights Default { get; } = new();

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation; below Lucene's 0.75 because every passage is short and a one-line list item should not beat the paragraph that explains.</summary>
    public float B { get; init; } = 0.5f;

    /// <summary>A word in the heading the passage opens.</summary>
    public float Heading { get; init; } = 0.25f;

    /// <summary>A word in the document's title, heading path or municipality.</summary>
    public float Context { get; init; } = 0.3f;

    /// <summary>A word in the questions members ask that the passage answers (its <c>.questions</c> file); 0 turns it off.</summary>
    public float Questions { get; init; } = 0.5f;

    /// <summary>Share of the score of the whole section the passage stands in.</summary>
    public float Section { get; init; } = 0.5f;

    /// <summary>The lexicon's further words for a word (its first counts fully).</summary>
    public float Related { get; init; } = 0.6f;

    /// <summary>The parts of a compound, when the compound itself is not in the passage.</summary>
    public float Parts { get; init; } = 0.8f;

    /// <summary>Two neighbouring question words standing together in the passage (0 turns it off).</summary>
    public float Proximity { get; init; } = 0.5f;

    /// <summary>Exponent on the share of the question's words a passage contains (0 turns it off).</summary>
    public float Coordination { get; init; } = 1f;

    /// <summary>A passage of the kind the asking word points to ("hur" → a number, a channel; "vem" → a role); 0 turns it off.</summary>
    public float Cue { get; init; } = 1f;

    /// <summary>Factor on passages of a document the question names ("enligt SKL", "i gbg").</summary>
    public float NamedScope { get; init; } = 2f;

    /// <summary>Factor on passages of the member's own municipality (when the question names no document): their own routine first.</summary>
    public float OwnMunicipality { get; init; } = 2f;
}
