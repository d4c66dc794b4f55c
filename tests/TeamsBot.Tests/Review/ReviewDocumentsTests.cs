using System.Buffers.Binary;
using Trygg.Cases;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Training;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Review;

public sealed class ReviewDocumentsTests
{
    internal static List<IncidentFact> SampleYear()
    {
        var facts = new List<IncidentFact>();
        var kinds = Enum.GetValues<IncidentKind>();
        for (var i = 0; i < 40; i++)
        {
            facts.Add(new IncidentFact(
                new DateTimeOffset(2026, 1 + (i % 12), 1 + (i % 27), 9, 0, 0, TimeSpan.Zero),
                kinds[i % 4],
                (IncidentPlace)(i % 5),
                i % 3 == 0 ? BodyKind.Council : BodyKind.Board,
                i % 4 == 0 ? MemberRole.SarskiltArvoderad : MemberRole.Fritidspolitiker,
                "Exempelpartiet",
                i % 2 == 0,
                i % 5 == 4 ? null : TimeSpan.FromMinutes(5 + (i * 7 % 90)),
                i % 9 == 0 ? 1 : 0));
        }

        return facts;
    }

    /// <summary>
    /// One cycle of 40 members: Moderaterna 20 (14 done), Socialdemokraterna 15 (7 done), Vänsterpartiet 5 (1 done);
    /// 18 marked it themselves, 4 were registered by the unit.
    /// </summary>
    internal static List<TrainingCycleFacts> SampleTraining()
    {
        var members = new List<TrainingMemberFact>();
        void Add(string party, MemberRole role, int self, int unit, int notDone)
        {
            members.AddRange(Enumerable.Repeat(new TrainingMemberFact(party, role, CompletionSource.SelfReported), self));
            members.AddRange(Enumerable.Repeat(new TrainingMemberFact(party, role, CompletionSource.RegisteredByUnit), unit));
            members.AddRange(Enumerable.Repeat(new TrainingMemberFact(party, role, null), notDone));
        }

        Add("Moderaterna", MemberRole.SarskiltArvoderad, 3, 1, 0);
        Add("Moderaterna", MemberRole.Fritidspolitiker, 8, 2, 6);
        Add("Socialdemokraterna", MemberRole.SarskiltArvoderad, 0, 1, 2);
        Add("Socialdemokraterna", MemberRole.Fritidspolitiker, 6, 0, 6);
        Add("Vänsterpartiet", MemberRole.Fritidspolitiker, 1, 0, 4);
        return [new TrainingCycleFacts("mandatperiod", "Säkerhetsutbildning för förtroendevalda", "2026-2030", new DateOnly(2026, 10, 15), new DateOnly(2030, 10, 14), members)];
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.AsSpan(0, 8).SequenceEqual(signature), "not a PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Theory]
    [InlineData(Language.Swedish)]
    [InlineData(Language.English)]
    public void Charts_AreValidPngsOfTheStatedSize(Language language)
    {
        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "Alla", SampleYear());
        var texts = ReviewTexts.For(language);

        foreach (var png in new[] { ReviewCharts.ByMonth(stats, texts), ReviewCharts.ByKind(stats, texts), ReviewCharts.AcknowledgementByMonth(stats, texts) })
        {
            Assert.Equal((ReviewCharts.Width, ReviewCharts.Height), PngSize(png));
            Assert.True(png.Length > 2000, "a chart with content is more than a blank image");
        }
    }

    [Fact]
    public void Charts_DrawAnEmptyYearWithoutFailing()
    {
        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2030), "Alla", []);
        var texts = ReviewTexts.For(Language.Swedish);

        Assert.Equal((ReviewCharts.Width, ReviewCharts.Height), PngSize(ReviewCharts.AcknowledgementByMonth(stats, texts)));
        Assert.Equal((ReviewCharts.Width, ReviewCharts.Height), PngSize(ReviewCharts.ByMonth(stats, texts)));
    }

    [Fact]
    public void Html_StatesThePeriodFiguresAndTheSuppressionRule()
    {
        var facts = SampleYear();
        facts.Add(facts[0] with { Kind = IncidentKind.UndueInfluence });
        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "Alla partier", facts);

        var html = ReviewReport.Html(stats, ReviewTexts.For(Language.Swedish), "Alingsås kommun", new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));

        Assert.Contains("Årsuppföljning av händelser 2026", html, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 – 2026-12-31", html, StringComparison.Ordinal);
        Assert.Contains("<b>41</b>Händelser totalt", html, StringComparison.Ordinal);
        Assert.Contains("&lt;3", html, StringComparison.Ordinal); // the single undue-influence case
        Assert.Contains("visas som", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("data:image/png;base64,").Length - 1);
        Assert.DoesNotContain("Exempelpartiet", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HoldsOneAnonymisedLinePerIncidentInThePeriod()
    {
        var facts = SampleYear();
        facts.Add(facts[0] with { OccurredAt = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero) }); // 2026-01-01 00:30 in Stockholm
        facts.Add(facts[0] with { OccurredAt = new DateTimeOffset(2025, 12, 31, 22, 30, 0, TimeSpan.Zero) }); // still 2025

        var csv = ReviewReport.Csv(ReviewPeriod.Year(2026), facts);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("month,kind,place,body,role,policeReport,minutesToAcknowledgement,escalated", lines[0]);
        Assert.Equal(41 + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal(8, l.Split(',').Length));
        Assert.DoesNotContain("Exempelpartiet", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-", csv, StringComparison.Ordinal);
        Assert.Matches("^2026-01,", lines[1]);
    }

    [Fact]
    public void Html_ShowsTrainingCompletionByPartyAndRole_Suppressed_WithItsDefinitions()
    {
        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "Alla partier", SampleYear(), SampleTraining());

        var html = ReviewReport.Html(stats, ReviewTexts.For(Language.Swedish), "Alingsås kommun", new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));

        Assert.Contains("<b>22 av 40 klara (55 %)</b>Säkerhetsutbildning för förtroendevalda 2026-2030", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Säkerhetsutbildning</h2>", html, StringComparison.Ordinal);
        Assert.Contains("markerat själva 18, registrerade av säkerhetsenheten 4. Inte klara 18.", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Vänsterpartiet</td><td class=\"n\">5</td><td class=\"n\">&lt;3</td><td class=\"n\">–</td><td class=\"n\">–</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Särskilt arvoderad</td><td class=\"n\">7</td><td class=\"n\">–</td><td class=\"n\">&lt;3</td>", html, StringComparison.Ordinal);
        Assert.Contains("senast periodens sista dag", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_WithoutTraining_LeavesTheSectionAndItsDefinitionsOut()
    {
        var html = ReviewReport.Html(ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "Alla", SampleYear()), ReviewTexts.For(Language.Swedish), "Alingsås kommun", DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("Säkerhetsutbildning", html, StringComparison.Ordinal);
        Assert.DoesNotContain("periodens sista dag", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_AppendsTrainingAsShown_OneLinePerCycleAndGroup()
    {
        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "Alla", SampleYear(), SampleTraining());

        var lines = ReviewReport.Csv(ReviewPeriod.Year(2026), SampleYear(), stats.Training).Split("\r\n");

        var header = Array.IndexOf(lines, "trainingCampaign,cycle,cycleStarts,cycleEnds,group,key,inScope,done,selfReported,registeredByUnit,notDone,percentDone");
        Assert.Equal(string.Empty, lines[header - 1]);
        Assert.Equal(
        [
            "mandatperiod,2026-2030,2026-10-15,2030-10-14,total,total,40,22,18,4,18,55",
            "mandatperiod,2026-2030,2026-10-15,2030-10-14,party,Moderaterna,20,–,,,–,–",
            "mandatperiod,2026-2030,2026-10-15,2030-10-14,party,Socialdemokraterna,15,–,,,–,–",
            "mandatperiod,2026-2030,2026-10-15,2030-10-14,party,Vänsterpartiet,5,<3,,,–,–",
            "mandatperiod,2026-2030,2026-10-15,2030-10-14,role,SarskiltArvoderad,7,–,,,<3,–",
            "mandatperiod,2026-2030,2026-10-15,2030-10-14,role,Fritidspolitiker,33,–,,,–,–",
        ], lines.Skip(header + 1).Where(l => l.Length > 0));
    }
}
