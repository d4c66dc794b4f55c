namespace Trygg.Reporting;

public sealed class ReportingKeysTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("29:1Anna")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47")]
    [InlineData("user|with|pipes")]
    [InlineData("åäö/#?")]
    public void ReporterIncidentRange_OwnRows_FallInside(string reporterId)
    {
        var (from, to) = ReportingKeys.ReporterIncidentRange(reporterId);
        var rowKey = ReportingKeys.ReporterIncident(reporterId, At, "TRY-2026-0001");

        Assert.True(string.CompareOrdinal(rowKey, from) >= 0, rowKey);
        Assert.True(string.CompareOrdinal(rowKey, to) < 0, rowKey);
    }

    [Theory]
    [InlineData("29:1Anna", "29:1Anna2")]
    [InlineData("29:1Anna", "29:1Ann")]
    [InlineData("29:1Anna", "29:1Anna|x")]
    [InlineData("29:1Anna", "29:1Annaå")]
    [InlineData("29:1Anna2", "29:1Anna")]
    public void ReporterIncidentRange_OtherReportersRows_FallOutside(string reporterId, string otherId)
    {
        var (from, to) = ReportingKeys.ReporterIncidentRange(reporterId);
        var other = ReportingKeys.ReporterIncident(otherId, At, "TRY-2026-0001");

        Assert.False(string.CompareOrdinal(other, from) >= 0 && string.CompareOrdinal(other, to) < 0, other);
    }

    [Fact]
    public void ReporterIncident_LaterSubmission_SortsFirst()
    {
        var earlier = ReportingKeys.ReporterIncident("29:1Anna", At, "TRY-2026-0009");
        var later = ReportingKeys.ReporterIncident("29:1Anna", At.AddSeconds(1), "TRY-2026-0001");

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
    }

    [Fact]
    public void Counters_IncidentsAndNotices_AreDifferentRows()
    {
        Assert.NotEqual(ReportingKeys.IncidentCounter(2026), ReportingKeys.NoticeCounter(2026));
        Assert.NotEqual(ReportingKeys.IncidentSubmission("s1"), ReportingKeys.NoticeSubmission("s1"));
    }

    [Fact]
    public void Partition_TenantAndOrganisation_AreBothPartOfIt()
    {
        Assert.NotEqual(ReportingKeys.Partition("t1", "alingsas"), ReportingKeys.Partition("t2", "alingsas"));
        Assert.NotEqual(ReportingKeys.Partition("t1", "alingsas"), ReportingKeys.Partition("t1", "goteborg"));
        Assert.NotEqual(ReportingKeys.Partition("t|1", "x"), ReportingKeys.Partition("t", "1|x"));
    }
}
