
namespace Trygg.Cases;

public sealed class CaseKeysTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("29:1Anna")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47")]
    [InlineData("user|with|pipes")]
    [InlineData("åäö/#?")]
    public void ReporterIncidentRange_OwnRows_FallInside(string reporterId)
    {
        var (from, to) = CaseKeys.ReporterIncidentRange(reporterId);
        var rowKey = CaseKeys.ReporterIncident(reporterId, At, "TRY-2026-0001");

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
        var (from, to) = CaseKeys.ReporterIncidentRange(reporterId);
        var other = CaseKeys.ReporterIncident(otherId, At, "TRY-2026-0001");

        Assert.False(string.CompareOrdinal(other, from) >= 0 && string.CompareOrdinal(other, to) < 0, other);
    }

    [Fact]
    public void ReporterIncident_LaterSubmission_SortsFirst()
    {
        var earlier = CaseKeys.ReporterIncident("29:1Anna", At, "TRY-2026-0009");
        var later = CaseKeys.ReporterIncident("29:1Anna", At.AddSeconds(1), "TRY-2026-0001");

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
    }

    [Fact]
    public void Partition_TenantAndOrganisation_AreBothPartOfIt()
    {
        Assert.NotEqual(CaseKeys.Partition("t1", "alingsas"), CaseKeys.Partition("t2", "alingsas"));
        Assert.NotEqual(CaseKeys.Partition("t1", "alingsas"), CaseKeys.Partition("t1", "goteborg"));
        Assert.NotEqual(CaseKeys.Partition("t|1", "x"), CaseKeys.Partition("t", "1|x"));
    }
}
