namespace Trygg.Review;

internal sealed record ReviewFigure(string Label, string Value);

internal sealed record ReviewChart(string Url, string Alt);

internal sealed record AnnualReviewCard(
    string Title,
    string Scope,
    IReadOnlyList<ReviewFigure> Figures,
    IReadOnlyList<ReviewChart> Charts,
    string Note)
{
    public const string Template = "Review/AnnualReview";
}
