using SkiaSharp;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Review;

public sealed class ReviewChartsTests
{
    [Theory]
    [InlineData(Language.Swedish, 560, 280)]
    [InlineData(Language.English, 560, 280)]
    [InlineData(Language.Swedish, ReviewCharts.Width, ReviewCharts.Height)]
    public void ByKind_LongestBarAndItsLabel_LeaveTheRightEdgeBlank(Language language, int width, int height)
    {
        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "Alla", ReviewDocumentsTests.SampleYear());

        var png = ReviewCharts.ByKind(stats, ReviewTexts.For(language), width, height);

        using var bitmap = SKBitmap.Decode(png);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"trygg-bykind-{language}-{width}.png"), png);
        Assert.Equal(width, bitmap.Width);
        var drawn = Enumerable.Range(0, bitmap.Height).Count(y => bitmap.GetPixel(width - 3, y).Red < 200);
        Assert.Equal(0, drawn);
    }
}
