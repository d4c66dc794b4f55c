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
}
