using Microsoft.Playwright;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Review;
using Trygg.Routing;

namespace Trygg;

/// <summary>The annual review's HTML report, opened in Debian's headless Chromium as the security network would open it.</summary>
public sealed class ReviewReportRenderingTests
{
    [Fact]
    public async Task HtmlReport_RendersFiguresChartsAndDefinitions()
    {
        var facts = Enumerable.Range(0, 30).Select(i => new IncidentFact(
            new DateTimeOffset(2026, 1 + (i % 12), 3, 10, 0, 0, TimeSpan.Zero),
            i % 3 == 0 ? IncidentKind.Threat : IncidentKind.OnlineHate,
            IncidentPlace.Online,
            BodyKind.Council,
            MemberRole.Fritidspolitiker,
            "Exempelpartiet",
            PoliceReportMade: i % 2 == 0,
            TimeSpan.FromMinutes(10 + i),
            Escalations: 0)).ToList();
        var statistics = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "alla partier", facts);
        var html = ReviewReport.Html(statistics, ReviewTexts.For(Language.Swedish), "Alingsås kommun", new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero));
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "review-report.html");
        await File.WriteAllTextAsync(file, html);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 800, Height = 1200 } });
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.Equal("Årsuppföljning av händelser 2026", await page.Locator("h1").InnerTextAsync());
        var figures = await page.Locator(".figure").AllInnerTextsAsync();
        Assert.Contains(figures, f => f.Contains("30", StringComparison.Ordinal) && f.Contains("Händelser totalt", StringComparison.Ordinal));
        Assert.Contains(figures, f => f.Contains("Median tid till bekräftelse", StringComparison.Ordinal) && f.Contains("min", StringComparison.Ordinal));
        // Every chart decoded: a broken data URI gives naturalWidth 0.
        var widths = await page.EvalOnSelectorAllAsync<int[]>("img", "imgs => imgs.map(i => i.naturalWidth)");
        Assert.Equal(3, widths.Length);
        Assert.All(widths, w => Assert.Equal(ReviewCharts.Width, w));
        Assert.Contains("<3", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByText("Definitioner").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, "review-report.png"), FullPage = true });
    }
}
