using System.Globalization;
using Trygg.Cases;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Organisations;

namespace Trygg.Review;

public sealed class ReviewAggregatorTests
{
    private static IncidentFact Fact(
        string utc,
        IncidentKind kind = IncidentKind.Threat,
        IncidentPlace place = IncidentPlace.Online,
        BodyKind? body = BodyKind.Council,
        MemberRole? role = MemberRole.Fritidspolitiker,
        bool police = false,
        double? ackMinutes = null,
        int escalations = 0) =>
        new(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            kind, place, body, role, "Partiet", police, ackMinutes is { } m ? TimeSpan.FromMinutes(m) : null, escalations);

    private static ShownCount Row(Breakdown breakdown, string key) => breakdown.Rows.Single(r => r.Key == key);

    [Fact]
    public void YearBoundaries_FollowStockholmTime_NotUtc()
    {
        var facts = new[]
        {
            Fact("2025-12-31T22:59:00Z"), // 23:59 on 31 December 2025 in Stockholm: not 2026
            Fact("2025-12-31T23:00:00Z"), // 00:00 on 1 January 2026 in Stockholm
            Fact("2026-12-31T22:59:00Z"), // 23:59 on 31 December 2026
            Fact("2026-12-31T23:00:00Z"), // 2027 already
        };

        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "all", facts);

        Assert.Equal(2, stats.Total.Count);
        Assert.Equal(1, Row(stats.ByMonth, "2026-01").Count);
        Assert.Equal(1, Row(stats.ByMonth, "2026-12").Count);
        Assert.Equal(12, stats.ByMonth.Rows.Count);
    }

    [Fact]
    public void AnonymisedReports_CountAsUnknownRole_NotAsFritidspolitiker()
    {
        var facts = new[]
        {
            Fact("2026-03-01T10:00:00Z", role: MemberRole.Fritidspolitiker),
            Fact("2026-03-02T10:00:00Z", role: MemberRole.Fritidspolitiker),
            Fact("2026-03-03T10:00:00Z", role: MemberRole.Fritidspolitiker),
            Fact("2026-03-04T10:00:00Z", role: MemberRole.SarskiltArvoderad),
            Fact("2026-03-05T10:00:00Z", role: MemberRole.SarskiltArvoderad),
            Fact("2026-03-06T10:00:00Z", role: MemberRole.SarskiltArvoderad),
            Fact("2026-03-07T10:00:00Z", role: null),
            Fact("2026-03-08T10:00:00Z", role: null),
            Fact("2026-03-09T10:00:00Z", role: null),
        };

        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "all", facts);

        Assert.Equal(3, Row(stats.ByRole, nameof(MemberRole.Fritidspolitiker)).Count);
        Assert.Equal(3, Row(stats.ByRole, ReviewAggregator.UnknownRole).Count);
        Assert.Equal("Okänd (anonymiserad)", ReviewTexts.For(Trygg.Texts.Language.Swedish).RoleLabel(ReviewAggregator.UnknownRole));

        var withoutAnonymised = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "all", facts.Take(6));
        Assert.DoesNotContain(withoutAnonymised.ByRole.Rows, r => r.Key == ReviewAggregator.UnknownRole);
    }

    [Fact]
    public void MonthBoundaries_AcrossDaylightSavingChanges()
    {
        var facts = new[]
        {
            Fact("2026-03-31T21:30:00Z"), // 23:30 CEST 31 March -> March
            Fact("2026-03-31T22:30:00Z"), // 00:30 CEST 1 April -> April
            Fact("2026-03-29T01:30:00Z"), // 03:30 CEST on the spring-forward night -> March
            Fact("2026-10-31T22:30:00Z"), // 23:30 CET 31 October -> October
            Fact("2026-10-31T23:30:00Z"), // 00:30 CET 1 November -> November
            Fact("2026-10-25T00:30:00Z"), // 02:30 CEST, the first of the two 02:30s -> October
        };

        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "all", facts);

        Assert.Equal(2, Row(stats.ByMonth, "2026-03").Count);
        Assert.Equal(1, Row(stats.ByMonth, "2026-04").Count);
        Assert.Equal(2, Row(stats.ByMonth, "2026-10").Count);
        Assert.Equal(1, Row(stats.ByMonth, "2026-11").Count);
    }

    [Fact]
    public void AGeneratedYear_MatchesHandComputedCounts()
    {
        // 10 threats, 5 harassments, 3 violence, 1 vandalism; police reports on the violence and two threats.
        var facts = new List<IncidentFact>();
        for (var i = 0; i < 10; i++)
        {
            facts.Add(Fact($"2026-{1 + i:00}-10T10:00:00Z", IncidentKind.Threat, IncidentPlace.Online, BodyKind.Council, police: i < 2, ackMinutes: 10 * (i + 1)));
        }

        for (var i = 0; i < 5; i++)
        {
            facts.Add(Fact($"2026-09-{10 + i:00}T10:00:00Z", IncidentKind.Harassment, IncidentPlace.Meeting, BodyKind.Board, MemberRole.SarskiltArvoderad));
        }

        for (var i = 0; i < 3; i++)
        {
            facts.Add(Fact($"2026-06-0{1 + i}T10:00:00Z", IncidentKind.Violence, IncidentPlace.PublicPlace, null, MemberRole.SarskiltArvoderad, police: true, escalations: 1));
        }

        facts.Add(Fact("2026-02-02T10:00:00Z", IncidentKind.Vandalism, IncidentPlace.Home, BodyKind.ExecutiveBoard));
        facts.Add(Fact("2025-06-01T10:00:00Z", IncidentKind.Violence)); // another year: left out

        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "all", facts);

        Assert.Equal("19", stats.Total.Text);
        Assert.Equal("10", Row(stats.ByKind, "Threat").Text);
        Assert.Equal("5", Row(stats.ByKind, "Harassment").Text);
        Assert.Equal("<3", Row(stats.ByKind, "Vandalism").Text);
        // One "<3" next to a shown total would give it away: the smallest other cell (Violence, 3) is hidden too.
        Assert.Equal(Hidden.Complementary, Row(stats.ByKind, "Violence").Hidden);
        Assert.Equal("–", Row(stats.ByKind, "Violence").Text);
        Assert.Equal("0", Row(stats.ByKind, "Other").Text);

        Assert.Equal("10", Row(stats.ByPlace, "Online").Text);
        Assert.Equal("5", Row(stats.ByPlace, "Meeting").Text);
        Assert.Equal("10", Row(stats.ByBody, "Council").Text);
        Assert.Equal("5", Row(stats.ByBody, "Board").Text);
        Assert.Equal("<3", Row(stats.ByBody, "ExecutiveBoard").Text);
        Assert.Equal("8", Row(stats.ByRole, "SarskiltArvoderad").Text);
        Assert.Equal("11", Row(stats.ByRole, "Fritidspolitiker").Text);
        Assert.Equal("5", Row(stats.ByPoliceReport, "Made").Text);
        Assert.Equal("14", Row(stats.ByPoliceReport, "NotMade").Text);
        Assert.Equal("3", stats.Escalated.Text);

        // Ten acknowledgements after 10, 20, ... 100 minutes: nearest-rank median 50, 90th percentile 90.
        Assert.Equal(10, stats.TimeToAcknowledgement.Count);
        Assert.Equal(TimeSpan.FromMinutes(50), stats.TimeToAcknowledgement.Median);
        Assert.Equal(TimeSpan.FromMinutes(90), stats.TimeToAcknowledgement.Percentile90);
    }

    [Fact]
    public void SmallCounts_AreNeverShown_AndFewAcknowledgementsGiveNoTimes()
    {
        var facts = new[]
        {
            Fact("2026-05-01T10:00:00Z", IncidentKind.Threat, ackMinutes: 5),
            Fact("2026-05-02T10:00:00Z", IncidentKind.Threat, ackMinutes: 7),
        };

        var stats = ReviewAggregator.Aggregate(ReviewPeriod.Year(2026), "Partiet", facts);

        Assert.Equal("<3", stats.Total.Text);
        Assert.Equal("<3", Row(stats.ByKind, "Threat").Text);
        Assert.All(stats.ByKind.Rows.Where(r => r.Count > 0), r => Assert.True(r.Suppressed));
        Assert.True(stats.TimeToAcknowledgement.Suppressed);
        Assert.Null(stats.TimeToAcknowledgement.Median);
    }

    [Fact]
    public void CustomRange_CountsInclusiveLocalDays()
    {
        var period = ReviewPeriod.TryParse("2026-03-01..2026-03-31")!;
        var facts = new[]
        {
            Fact("2026-02-28T23:30:00Z"), // 00:30 on 1 March in Stockholm
            Fact("2026-03-31T21:59:00Z"), // 23:59 CEST 31 March
            Fact("2026-03-31T22:00:00Z"), // 00:00 CEST 1 April: outside
            Fact("2026-03-15T12:00:00Z"),
        };

        var stats = ReviewAggregator.Aggregate(period, "all", facts);

        Assert.Equal(3, stats.Total.Count);
        Assert.Single(stats.ByMonth.Rows);
    }

    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2025-03-01..2025-08-31", "2025-03-01", "2025-08-31")]
    [InlineData("2025-03-01 2025-08-31", "2025-03-01", "2025-08-31")]
    public void Period_Parses(string text, string from, string to)
    {
        var period = ReviewPeriod.TryParse(text);

        Assert.NotNull(period);
        Assert.Equal(DateOnly.Parse(from, CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, CultureInfo.InvariantCulture), period.To);
    }

    [Theory]
    [InlineData("")]
    [InlineData("förra året")]
    [InlineData("2025-08-31..2025-03-01")]
    [InlineData("1999")]
    public void Period_RefusesWhatItCannotRead(string text) => Assert.Null(ReviewPeriod.TryParse(text));
}
