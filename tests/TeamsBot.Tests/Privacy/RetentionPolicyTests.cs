namespace Trygg.Privacy;

/// <summary>Retention dates are whole months in Europe/Stockholm, whatever the UTC date or the season's offset.</summary>
public sealed class RetentionPolicyTests
{
    private static readonly RetentionPolicy TwoYears = new(IncidentMonths: 24, DraftDays: 7);

    [Fact]
    public void IncidentDueAt_ClosedMidMonth_IsTheFirstOfTheMonthAfterTheLastFullMonth_AtStockholmMidnight()
    {
        // Closed 15 March 2026: kept through March 2028, anonymised from 1 April 2028 00:00 Stockholm (CEST, +02:00).
        var due = TwoYears.IncidentDueAt(new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2028, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), due);
        Assert.Equal(new DateTimeOffset(2028, 3, 31, 22, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void IncidentDueAt_ClosedLateOnTheLastEveningInUtc_CountsTheStockholmMonth()
    {
        // 31 March 22:30 UTC is already 1 April 00:30 in Stockholm: an April case, due a month later than a March one.
        var april = TwoYears.IncidentDueAt(new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero));
        var march = TwoYears.IncidentDueAt(new DateTimeOffset(2026, 3, 31, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2028, 5, 1, 0, 0, 0, TimeSpan.FromHours(2)), april);
        Assert.Equal(new DateTimeOffset(2028, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), march);
    }

    [Fact]
    public void IncidentDueAt_InWinter_UsesTheWinterOffset()
    {
        var due = new RetentionPolicy(1, 7).IncidentDueAt(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)); // 1 Dec 00:30 local

        Assert.Equal(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.FromHours(1)), due);
    }

    [Fact]
    public void IncidentExpired_FlipsExactlyAtStockholmMidnight()
    {
        var closed = new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero);
        var due = new DateTimeOffset(2028, 3, 31, 22, 0, 0, TimeSpan.Zero);

        Assert.False(TwoYears.IncidentExpired(closed, due.AddTicks(-1)));
        Assert.True(TwoYears.IncidentExpired(closed, due));
    }

    [Fact]
    public void MonthStart_IsTheFirstInstantOfTheStockholmMonth()
    {
        var start = RetentionPolicy.MonthStart(new DateTimeOffset(2026, 7, 31, 22, 15, 0, TimeSpan.Zero)); // 1 Aug 00:15 local

        Assert.Equal(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(2)), start);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(30, true)]
    public void DraftExpired_AfterItsDaysSinceTheLastChange(int days, bool expired)
    {
        var changed = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(expired, TwoYears.DraftExpired(changed, changed.AddDays(days)));
    }
}
