namespace Trygg.Privacy;

internal sealed record MyDataFact(string Label, string Value);

internal sealed record MyDataSection(string Heading, IReadOnlyList<MyDataFact> Facts, string? None);

/// <summary>"Vilka uppgifter har ni om mig": the member's own data, in sections.</summary>
/// <param name="Calls">The security unit's number as a tap-to-call button (empty when the organisation is unknown).</param>
internal sealed record MyDataCard(string Title, string Intro, IReadOnlyList<MyDataSection> Sections, string Retention, string Erasure, IReadOnlyList<MyDataCall> Calls)
{
    public const string Template = "Privacy/MyData";
}

/// <summary>A tap-to-call button (<c>tel:</c>).</summary>
internal sealed record MyDataCall(string Title, string Url);

/// <summary>The security unit's confirmation step before an erasure.</summary>
internal sealed record ConfirmErasureCard(string Title, string What, string Text, string Confirm, string Cancel, string Org, string Member)
{
    public const string Template = "Privacy/ConfirmErasure";
}

/// <summary>What became of a confirmation card (erased, cancelled, refused).</summary>
internal sealed record ErasureResultCard(string Title, string Text)
{
    public const string Template = "Privacy/ErasureResult";
}
