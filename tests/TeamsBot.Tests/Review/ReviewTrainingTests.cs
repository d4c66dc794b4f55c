using System.Collections.Concurrent;
using Trygg.Fakes;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Training;
using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>
/// Training completion in the annual review, from a generated council of 40 members in three parties: records and
/// profiles in, suppressed figures out, compared with counts worked out by hand.
/// </summary>
public sealed class ReviewTrainingTests
{
    private const string Tenant = "tenant";
    private const string Org = "alingsas";
    private const string Campaign = "mandatperiod";
    private const string Cycle = "2026-2030";
    private const string M = "Moderaterna";
    private const string S = "Socialdemokraterna";
    private const string V = "Vänsterpartiet";

    private static readonly TrainingCampaign Everyone = new(
        Campaign, CampaignKind.MandatePeriod, "Säkerhetsutbildning", null, TrainingAudience.AllMembers, TimeSpan.FromDays(90), TimeSpan.FromDays(14), 4);

    private static readonly TrainingCampaign Talk = new(
        "samtal", CampaignKind.Yearly, "Säkerhetssamtal", null, TrainingAudience.SarskiltArvoderade, TimeSpan.Zero, TimeSpan.FromDays(30), 3);

    private static readonly TrainingCampaign Election = new(
        "valar", CampaignKind.ElectionYear, "Valrörelsen", null, TrainingAudience.AllMembers, TimeSpan.Zero, TimeSpan.Zero, 1);

    private static readonly DateOnly Today = new(2027, 1, 20);
    private static readonly DateTimeOffset DoneAt = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryMemberProfileStore _profiles = new();
    private readonly InMemoryTrainingRecords _records = new();

    /// <summary>
    /// The council, by party and role: how many, how many marked done themselves, how many the unit registered; the
    /// rest are not done (half of them with a record from a reminder, half without any).
    /// <code>
    ///                      in scope  self  unit  done  not done
    /// Moderaterna     SA       4       3     1     4      0
    ///                 fritid  16       8     2    10      6
    /// Socialdemokr.   SA       3       0     1     1      2
    ///                 fritid  12       6     0     6      6
    /// Vänsterpartiet  fritid   5       1     0     1      4
    /// total                   40      18     4    22     18
    /// </code>
    /// </summary>
    private static readonly (string Party, MemberRole Role, int Count, int Self, int Unit)[] Council =
    [
        (M, MemberRole.SarskiltArvoderad, 4, 3, 1),
        (M, MemberRole.Fritidspolitiker, 16, 8, 2),
        (S, MemberRole.SarskiltArvoderad, 3, 0, 1),
        (S, MemberRole.Fritidspolitiker, 12, 6, 0),
        (V, MemberRole.Fritidspolitiker, 5, 1, 0),
    ];

    private void Generate(string cycle = Cycle, DateTimeOffset? doneAt = null)
    {
        var n = 0;
        foreach (var (party, role, count, self, unit) in Council)
        {
            for (var i = 0; i < count; i++, n++)
            {
                var id = $"member-{n:00}";
                _profiles.Profiles[new MemberKey(Tenant, id)] = new MemberProfile(Org, party, role, ["kf"], null, $"Ledamot {n}", null, DoneAt);
                var key = new TrainingRecordKey(Tenant, Org, Campaign, cycle, id);
                var record = TrainingRecord.New(key, $"Ledamot {n}", party, role, DoneAt.AddDays(-30));
                if (i < self)
                {
                    _records.Put(record with { DoneAt = doneAt ?? DoneAt, Source = CompletionSource.SelfReported });
                }
                else if (i < self + unit)
                {
                    _records.Put(record with { DoneAt = doneAt ?? DoneAt, Source = CompletionSource.RegisteredByUnit, RegisteredBy = "Enheten" });
                }
                else if (i % 2 == 0)
                {
                    _records.Put(record with { RemindersSent = 2 }); // reminded, not done
                }
            }
        }
    }

    private static readonly Organisation Alingsas = ShippedProfiles.Load().Find(Org)!;

    private static Organisation Organisation(params TrainingCampaign[] campaigns) => Alingsas.WithTraining(campaigns);

    private Task<IReadOnlyList<TrainingCycleFacts>> LoadAsync(ReviewPeriod period, string? party = null, DateOnly? today = null, params TrainingCampaign[] campaigns) =>
        new TrainingReviewFacts(_records, _profiles).LoadAsync(
            Organisation(campaigns.Length == 0 ? [Everyone] : campaigns), Tenant, period, party, today ?? Today, CancellationToken.None);

    private static TrainingGroup Group(IReadOnlyList<TrainingGroup> groups, string key) => groups.Single(g => g.Key == key);

    private static string Texts(TrainingGroup g) => $"{g.InScope.Text}|{g.Done.Text}|{g.NotDone.Text}";

    private static string Counts(TrainingGroup g) => $"{g.InScope.Count}|{g.Done.Count}|{g.NotDone.Count}";

    [Fact]
    public async Task AGeneratedCouncil_MatchesHandComputedCompletion()
    {
        Generate();

        var cycles = await LoadAsync(ReviewPeriod.Range(new DateOnly(2026, 10, 15), new DateOnly(2026, 12, 31)));
        var cycle = Assert.Single(ReviewTraining.Aggregate(cycles).Cycles);

        Assert.Equal((Campaign, Cycle, new DateOnly(2026, 10, 15), new DateOnly(2030, 10, 14)), (cycle.CampaignId, cycle.CycleKey, cycle.Starts, cycle.Ends));
        Assert.Equal("40|22|18", Counts(cycle.Total));
        Assert.Equal((18, 4), (cycle.SelfReported.Count, cycle.RegisteredByUnit.Count));
        Assert.Equal("20|14|6", Counts(Group(cycle.ByParty, M)));
        Assert.Equal("15|7|8", Counts(Group(cycle.ByParty, S)));
        Assert.Equal("5|1|4", Counts(Group(cycle.ByParty, V)));
        Assert.Equal("7|5|2", Counts(Group(cycle.ByRole, "SarskiltArvoderad")));
        Assert.Equal("33|17|16", Counts(Group(cycle.ByRole, "Fritidspolitiker")));
        Assert.Equal([M, S, V], cycle.ByParty.Select(g => g.Key));

        // Shown: the totals and every party's size; 22 of 40 is 55 %.
        Assert.Equal("40|22|18", Texts(cycle.Total));
        Assert.Equal(55, cycle.Total.Percent);
        Assert.Equal(("18", "4"), (cycle.SelfReported.Text, cycle.RegisteredByUnit.Text));

        // Vänsterpartiet's single done member is "<3"; its 4 not done would give it away (5 - 4), so "–"; then the
        // done and not-done columns (each summing to a shown total) and the rows (each summing to a shown party size)
        // hide one more cell at a time until no sum has a single hidden cell.
        Assert.Equal("5|<3|–", Texts(Group(cycle.ByParty, V)));
        Assert.Equal("20|–|–", Texts(Group(cycle.ByParty, M)));
        Assert.Equal("15|–|–", Texts(Group(cycle.ByParty, S)));
        Assert.Equal("7|–|<3", Texts(Group(cycle.ByRole, "SarskiltArvoderad")));
        Assert.Equal("33|–|–", Texts(Group(cycle.ByRole, "Fritidspolitiker")));
        Assert.All(cycle.ByParty.Concat(cycle.ByRole), g => Assert.Null(g.Percent));
    }

    [Fact]
    public async Task EveryShownFigure_LeavesNoHiddenCellComputable()
    {
        Generate();

        var cycle = ReviewTraining.Aggregate(await LoadAsync(ReviewPeriod.Year(2026))).Cycles.Single(c => c.CycleKey == Cycle);

        // Each sum a reader could use holds zero or at least two hidden cells.
        var sums = new List<ShownCount[]> { new[] { cycle.Total.InScope, cycle.Total.Done, cycle.Total.NotDone }, new[] { cycle.Total.Done, cycle.SelfReported, cycle.RegisteredByUnit } };
        foreach (var groups in new[] { cycle.ByParty, cycle.ByRole })
        {
            sums.AddRange(groups.Select(g => new[] { g.InScope, g.Done, g.NotDone }));
            sums.Add([cycle.Total.InScope, .. groups.Select(g => g.InScope)]);
            sums.Add([cycle.Total.Done, .. groups.Select(g => g.Done)]);
            sums.Add([cycle.Total.NotDone, .. groups.Select(g => g.NotDone)]);
        }

        Assert.All(sums, sum => Assert.NotEqual(1, sum.Count(c => c.Suppressed)));
        Assert.All(sums.SelectMany(s => s), c => Assert.False(c.Count is 1 or 2 && !c.Suppressed));
    }

    [Fact]
    public async Task APartyOfficer_SeesTheirOwnPartyOnly()
    {
        Generate();

        var cycles = await LoadAsync(ReviewPeriod.Year(2026), party: S);
        var cycle = ReviewTraining.Aggregate(cycles).Cycles.Single(c => c.CycleKey == Cycle);

        Assert.All(cycles, c => Assert.All(c.Members, m => Assert.Equal(S, m.Party)));
        Assert.Equal(S, Assert.Single(cycle.ByParty).Key);
        Assert.Equal("15|7|8", Texts(cycle.Total));
        Assert.Equal(47, cycle.Total.Percent);

        // One registered by the unit ("<3"); the six who marked it themselves would give it away (7 - 6): "–".
        Assert.Equal(("–", "<3"), (cycle.SelfReported.Text, cycle.RegisteredByUnit.Text));
        Assert.Equal("3|<3|<3", Texts(Group(cycle.ByRole, "SarskiltArvoderad")));
        Assert.Equal("12|–|–", Texts(Group(cycle.ByRole, "Fritidspolitiker")));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", "2027-01-20", "2022-2026 2026-2030")]
    [InlineData("2026-01-01", "2026-10-14", "2027-01-20", "2022-2026")]
    [InlineData("2026-10-15", "2026-12-31", "2027-01-20", "2026-2030")]
    [InlineData("2026-01-01", "2026-12-31", "2026-10-14", "2022-2026")] // the new period has not begun yet
    [InlineData("2026-01-01", "2026-12-31", "2026-10-15", "2022-2026 2026-2030")]
    [InlineData("2019-01-01", "2027-06-30", "2027-01-20", "2018-2022 2022-2026 2026-2030")]
    public void MandateCycles_OverlapThePeriodFrom15October(string from, string to, string today, string expected)
    {
        var period = ReviewPeriod.Range(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var cycles = TrainingReviewFacts.CyclesOverlapping(Everyone, period, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(expected, string.Join(' ', cycles.Select(c => c.Key)));
        Assert.All(cycles, c => Assert.Equal((10, 15, 10, 14), (c.Starts.Month, c.Starts.Day, c.Ends.Month, c.Ends.Day)));
    }

    [Fact]
    public void YearlyCycles_AreCalendarYears_AndElectionYearRemindersHaveNone()
    {
        var period = ReviewPeriod.Range(new DateOnly(2025, 6, 1), new DateOnly(2026, 3, 31));

        Assert.Equal(["2025", "2026"], TrainingReviewFacts.CyclesOverlapping(Talk, period, Today).Select(c => c.Key));
        Assert.Empty(TrainingReviewFacts.CyclesOverlapping(Election, ReviewPeriod.Year(2026), Today));
    }

    [Theory]
    [InlineData("2026-10-31T22:30:00Z", true)]  // 23:30 on 31 October in Stockholm: inside
    [InlineData("2026-10-31T23:30:00Z", false)] // 00:30 on 1 November: after the period
    public async Task Done_CountsOnlyWhenMarkedByThePeriodsLastLocalDay(string doneAt, bool counted)
    {
        Generate(doneAt: DateTimeOffset.Parse(doneAt, System.Globalization.CultureInfo.InvariantCulture));

        var cycle = ReviewTraining.Aggregate(await LoadAsync(ReviewPeriod.Range(new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 31)))).Cycles.Single();

        Assert.Equal(40, cycle.Total.InScope.Count);
        Assert.Equal(counted ? 22 : 0, cycle.Total.Done.Count);
    }

    [Fact]
    public async Task AMemberWhoChangedParty_CountsUnderTheCyclesParty_AndALeaverWithARecordStillCounts()
    {
        Generate();
        var mover = new MemberKey(Tenant, "member-00"); // Moderaterna when the record was made
        _profiles.Profiles[mover] = _profiles.Profiles[mover] with { Party = V };
        _profiles.Profiles.TryRemove(new MemberKey(Tenant, "member-01"), out _); // left the council, had done it

        var cycle = ReviewTraining.Aggregate(await LoadAsync(ReviewPeriod.Year(2026))).Cycles.Single(c => c.CycleKey == Cycle);

        Assert.Equal("40|22|18", Counts(cycle.Total));
        Assert.Equal("20|14|6", Counts(Group(cycle.ByParty, M)));
        Assert.Equal("5|1|4", Counts(Group(cycle.ByParty, V)));
    }

    [Fact]
    public async Task AnAudienceOfSarskiltArvoderade_CountsOnlyThem_AndOtherTenantsAreLeftOut()
    {
        Generate();
        _profiles.Profiles[new MemberKey("other-tenant", "x")] = new MemberProfile(Org, M, MemberRole.SarskiltArvoderad, [], null, "X", null, DoneAt);

        var cycles = await LoadAsync(ReviewPeriod.Year(2026), campaigns: Talk);

        var cycle = ReviewTraining.Aggregate(cycles).Cycles.Single();
        Assert.Equal("2026", cycle.CycleKey);
        Assert.Equal("7|0|7", Counts(cycle.Total)); // the yearly talk's records are separate: nobody has done it
        Assert.All(cycle.ByRole, g => Assert.Equal("SarskiltArvoderad", g.Key));
    }

    [Fact]
    public void CellSuppression_HidesAPartnerInEverySumWithOneHiddenCell()
    {
        var table = new CellSuppression();
        var total = table.Cell(10);
        var a = table.Cell(2);
        var b = table.Cell(3);
        var c = table.Cell(5);
        var zero = table.Cell(0);
        table.Sum(total, [a, b, c, zero]);
        table.Resolve();

        Assert.Equal(["10", "<3", "–", "5", "0"], new[] { total, a, b, c, zero }.Select(x => table.Shown("k", x).Text));
    }

    /// <summary>A hand-written in-memory <see cref="ITrainingRecords"/> (the real one is tested against Azurite).</summary>
    private sealed class InMemoryTrainingRecords : ITrainingRecords
    {
        private readonly ConcurrentDictionary<TrainingRecordKey, TrainingRecord> _records = new();

        public void Put(TrainingRecord record) => _records[record.Key] = record;

        public Task<TrainingRecord?> GetAsync(TrainingRecordKey key, CancellationToken cancellationToken) =>
            Task.FromResult(_records.GetValueOrDefault(key));

        public Task<IReadOnlyList<TrainingRecord>> ListAsync(string tenantId, string organisationId, string campaignId, string cycleKey, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TrainingRecord>>([.. _records.Values.Where(r =>
                r.Key.TenantId == tenantId && r.Key.OrganisationId == organisationId && r.Key.CampaignId == campaignId && r.Key.CycleKey == cycleKey)]);

        public Task<TrainingRecord?> UpdateAsync(TrainingRecordKey key, Func<TrainingRecord?, TrainingRecord?> change, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The review only reads.");
    }
}
