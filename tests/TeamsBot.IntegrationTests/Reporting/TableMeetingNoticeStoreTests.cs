using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Cases;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Reporting;

public sealed class TableMeetingNoticeStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Org = "alingsas";
    private const string Prefix = "MOTE";
    private const int Year = 2026;

    private static readonly DateTimeOffset Morning = new(2026, 4, 20, 8, 30, 0, TimeSpan.FromHours(2));

    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private IHost? _host;

    private IHost Host => _host ??= TryggServices.Build(azurite, _tablePrefix, s => s.AddReportingStores());

    private IMeetingNoticeStore Store => Host.Services.GetRequiredService<IMeetingNoticeStore>();

    private TableMeetingNoticeStore TableStore => Host.Services.GetRequiredService<TableMeetingNoticeStore>();

    private TableClient RawTable => azurite.CreateServiceClient().GetTableClient(_tablePrefix + TableMeetingNoticeStore.TableName);

    private static Func<string, MeetingNotice> Factory(string org = Org, string reason = "Beslut om nedläggning av skolan i Sollebrunn.") =>
        reference => new MeetingNotice(
            reference, org, Tenant, "29:1Anna", "Anna Andersson", Morning, Morning.AddDays(3),
            "Barn- och ungdomsnämnden", "Skolnedläggning", reason, "Föräldrar, 50–100 personer");

    private Task<(MeetingNotice Notice, bool Created)> SubmitAsync(
        string? submissionId = null, string org = Org, int year = Year, IMeetingNoticeStore? store = null) =>
        (store ?? Store).SubmitAsync(Tenant, org, Prefix, year, submissionId ?? NewId(), Factory(org), CancellationToken.None);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private async Task<List<TableEntity>> RawRowsAsync(string rowKeyPrefix)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CaseKeys.Partition(Tenant, Org)}");
        await foreach (var row in RawTable.QueryAsync<TableEntity>(filter))
        {
            if (row.RowKey.StartsWith(rowKeyPrefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    [Fact]
    public async Task SubmitAsync_FirstTwo_NumberedFromOne()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        Assert.Equal("MOTE-2026-0001", first.Notice.Reference);
        Assert.Equal("MOTE-2026-0002", second.Notice.Reference);
        Assert.True(first.Created && second.Created);
    }

    [Fact]
    public async Task SubmitAsync_OtherOrganisationAndYear_HaveTheirOwnSequences()
    {
        await SubmitAsync();

        Assert.Equal("MOTE-2026-0001", (await SubmitAsync(org: "goteborg")).Notice.Reference);
        Assert.Equal("MOTE-2027-0001", (await SubmitAsync(year: 2027)).Notice.Reference);
        Assert.Equal("MOTE-2026-0002", (await SubmitAsync()).Notice.Reference);
    }

    [Fact]
    public async Task SubmitAsync_AfterIncidents_DoesNotShareTheirSequence()
    {
        var incidents = Host.Services.GetRequiredService<IIncidentStore>();
        await incidents.SubmitAsync(
            Tenant, Org, Prefix, Year, NewId(),
            n => new Incident(n, Org, Tenant, "29:1Anna", "Anna", Morning, IncidentStatus.Received, new IncidentDetails(
                IncidentKind.Threat, Morning, IncidentPlace.Phone, null, "ks", "Samtal", Perpetrator.Unknown, false, false, [],
                PoliceReport.NotYet, null, ContactWish.None)),
            CancellationToken.None);

        Assert.Equal("MOTE-2026-0001", (await SubmitAsync()).Notice.Reference);
    }

    [Fact]
    public async Task SubmitAsync_SameSubmissionIdTwice_CreatesOneNotice()
    {
        var id = NewId();

        var first = await SubmitAsync(id);
        var second = await SubmitAsync(id);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Notice.Reference, second.Notice.Reference);
        Assert.Single(await RawRowsAsync("notice|"));
    }

    [Fact]
    public async Task SubmitAsync_TwentyConcurrentWithDifferentIds_NumbersOneToTwentyWithoutGapsOrDuplicates()
    {
        var store = Store;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SubmitAsync(store: store))));

        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(
            Enumerable.Range(1, 20).Select(n => $"MOTE-2026-{n:D4}"),
            results.Select(r => r.Notice.Reference).Order(StringComparer.Ordinal));
        Assert.Equal(20, (await RawRowsAsync("notice|")).Count);
    }

    [Fact]
    public async Task SubmitAsync_TenConcurrentWithTheSameId_StoresOneNotice()
    {
        var id = NewId();
        var store = Store;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => SubmitAsync(id, store: store))));

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal("MOTE-2026-0001", r.Notice.Reference));
        Assert.Single(await RawRowsAsync("notice|"));
        Assert.Single(await RawRowsAsync("noticesub|"));
    }

    [Fact]
    public async Task SubmitAsync_NewStoreInstance_ContinuesTheSequenceAndKnowsEarlierSubmissions()
    {
        var id = NewId();
        using (var before = TryggServices.Build(azurite, _tablePrefix, s => s.AddReportingStores()))
        {
            await SubmitAsync(id, store: before.Services.GetRequiredService<IMeetingNoticeStore>());
        }

        using var after = TryggServices.Build(azurite, _tablePrefix, s => s.AddReportingStores());
        var store = after.Services.GetRequiredService<IMeetingNoticeStore>();

        Assert.False((await SubmitAsync(id, store: store)).Created);
        Assert.Equal("MOTE-2026-0002", (await SubmitAsync(store: store)).Notice.Reference);
    }

    [Fact]
    public async Task GetAsync_SwedishText_RoundTripsExactly()
    {
        const string Pattern = "Beslutet om \"Ängsvägen\" väcker starka känslor – 'hot' i Facebookgruppen Åkerby/Öjersjö.\r\n🙂 ";
        var reason = string.Concat(Enumerable.Repeat(Pattern, (4000 / Pattern.Length) + 1))[..4000];
        var (created, _) = await TableStore.SubmitAsync(Tenant, Org, Prefix, Year, NewId(), Factory(reason: reason), null, CancellationToken.None);

        var read = await TableStore.GetAsync(Tenant, Org, created.Reference, CancellationToken.None);

        Assert.Equal(created, read);
        Assert.Equal(reason, read?.Reason);
    }

    [Fact]
    public async Task SubmitAsync_WithExtraRows_CommitsThemOnlyWithANewNotice()
    {
        var id = NewId();
        ExtraRows<MeetingNotice> extraRows = (notice, partitionKey) =>
            [new TableEntity(partitionKey, "outbox|" + notice.Reference + "|" + Guid.NewGuid().ToString("N"))];

        await TableStore.SubmitAsync(Tenant, Org, Prefix, Year, id, Factory(), extraRows, CancellationToken.None);
        var again = await TableStore.SubmitAsync(Tenant, Org, Prefix, Year, id, Factory(), extraRows, CancellationToken.None);

        Assert.False(again.Created);
        Assert.StartsWith("outbox|MOTE-2026-0001|", Assert.Single(await RawRowsAsync("outbox|")).RowKey, StringComparison.Ordinal);
    }

    public void Dispose() => _host?.Dispose();
}
