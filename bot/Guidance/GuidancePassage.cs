namespace Trygg.Guidance;

/// <summary>One answerable piece of a guidance document: a paragraph (or a few short ones) under its heading path.</summary>
public sealed record GuidancePassage(
    string DocumentId,
    string Title,
    string Publisher,
    string Date,
    string Source,
    string Municipality,
    string Section,
    string Text)
{
    /// <summary>True for the first passage under its heading: the one the heading introduces.</summary>
    public bool OpensSection { get; init; }

    /// <summary>
    /// Questions members ask that this passage answers, in their own words (from the document's <c>.questions</c>
    /// file): searched next to the text so "can I keep my report secret" finds the passage about åtkomstskydd.
    /// </summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>
    /// A stable id for the passage ("alingsas-rutin-hot-hat-vald:1f3a9c2e"): the document and a hash of the text,
    /// so feedback keeps pointing at the same words when other passages are added or moved.
    /// </summary>
    public string Id => $"{Path.GetFileNameWithoutExtension(DocumentId)}:{Fnv1A(Text):x8}";

    /// <summary>The heading the passage stands under (the last part of <see cref="Section"/>).</summary>
    public string Heading => Section.Split(" > ")[^1];

    /// <summary>National guidance (SKL/SKR) has no municipality.</summary>
    public bool IsNational => string.IsNullOrWhiteSpace(Municipality);

    private static uint Fnv1A(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
