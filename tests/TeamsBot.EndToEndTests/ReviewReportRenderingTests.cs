using Microsoft.Playwright;
using Trygg.Cases;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Review;
using Trygg.Training;
using Trygg.Organisations;
using Trygg.Texts;

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
        // 30 in scope: 12 Moderaterna (9 done), 12 Socialdemokraterna (6 done), 6 Vänsterpartiet (3 done).
        var members = Enumerable.Range(0, 30).Select(i => new TrainingMemberFact(
            i < 12 ? "Moderaterna" : i < 24 ? "Socialdemokraterna" : "Vänsterpartiet",
            i % 5 == 0 ? MemberRole.SarskiltArvoderad : MemberRole.Fritidspolitiker,
            (i % 12) % 4 == 3 ? null : (i % 12) % 4 == 2 && i >= 12 ? null : i % 2 == 0 ? CompletionSource.SelfReported : CompletionSource.RegisteredByUnit)).ToList();
        var training = new TrainingCycleFacts("mandatperiod", "Säkerhetsutbildning för förtroendevalda", "2026-2030", new DateOnly(2026, 10, 15), new DateOnly(2030, 10, 14), members);
        var statistics = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "alla partier", facts, [training]);
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
        Assert.Contains(figures, f => f.Contains(statistics.Training!.Cycles[0].Total.Done.Text + " av 30 klara", StringComparison.Ordinal));
        var trainingText = await page.Locator("section.training").InnerTextAsync();
        Assert.Contains("Per parti", trainingText, StringComparison.Ordinal);
        Assert.Contains("Vänsterpartiet", trainingText, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("section.training table").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, "review-report.png"), FullPage = true });
    }
}
