using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Cases;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Reporting;

/// <summary>The meeting notice store's own mapping on Azurite: references, sequences apart from the incidents', the rows a notice is stored as. The shared submit behaviour is tested once, in <see cref="Storage.NumberedSubmissionsTests"/>.</summary>
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

    private Task<List<TableEntity>> RawRowsAsync(string rowKeyPrefix) => RawTable.StartingWithAsync(CaseKeys.Partition(Tenant, Org), rowKeyPrefix);

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
    public async Task GetAsync_SwedishText_RoundTripsExactly()
    {
        const string Pattern = "Beslutet om \"Ängsvägen\" väcker starka känslor – 'hot' i Facebookgruppen Åkerby/Öjersjö.\r\n🙂 ";
        var reason = string.Concat(Enumerable.Repeat(Pattern, (4000 / Pattern.Length) + 1))[..4000];
        var (created, _) = await TableStore.SubmitAsync(Tenant, Org, Prefix, Year, NewId(), Factory(reason: reason), null, CancellationToken.None);

        var read = await TableStore.GetAsync(Tenant, Org, created.Reference, CancellationToken.None);

        Assert.Equal(created, read);
        Assert.Equal(reason, read?.Reason);
    }

    public void Dispose() => _host?.Dispose();
}
