using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Cases;

/// <summary>The incident store's own mapping on Azurite: case numbers, sequences per organisation and year, the rows an incident is stored as, the reporter's list and status changes. The shared submit behaviour is tested once, in <see cref="Storage.NumberedSubmissionsTests"/>.</summary>
public sealed class TableIncidentStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Org = "alingsas";
    private const string Prefix = "TRY";
    private const int Year = 2026;
    private const string Anna = "29:1Anna";

    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.FromHours(1));

    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private IHost? _host;

    private IHost Host => _host ??= TryggServices.Build(azurite, _tablePrefix, s => s.AddIncidentStore());

    private IIncidentStore Store => Host.Services.GetRequiredService<IIncidentStore>();

    private TableIncidentStore TableStore => Host.Services.GetRequiredService<TableIncidentStore>();

    private TableClient RawTable => azurite.CreateServiceClient().GetTableClient(_tablePrefix + TableIncidentStore.TableName);

    private static IncidentDetails Details(string description = "Hot i mejl efter fullmäktige.", IncidentKind kind = IncidentKind.Threat) => new(
        kind,
        new DateTimeOffset(2026, 3, 13, 21, 15, 0, TimeSpan.FromHours(1)),
        IncidentPlace.Online,
        "E-post",
        "ks",
        description,
        Perpetrator.Unknown,
        RelativesAffected: false,
        Injured: false,
        [Evidence.Screenshots, Evidence.Messages],
        PoliceReport.NotYet,
        PoliceDiaryNumber: null,
        ContactWish.Teams);

    private static Func<string, Incident> Factory(
        string reporterId = Anna, DateTimeOffset? submittedAt = null, IncidentDetails? details = null, string org = Org) =>
        caseNumber => new Incident(caseNumber, org, Tenant, reporterId, "Anna Andersson", submittedAt ?? Noon, IncidentStatus.Received, details ?? Details());

    private Task<SubmitResult> SubmitAsync(
        string? submissionId = null, string reporterId = Anna, DateTimeOffset? submittedAt = null, IncidentDetails? details = null,
        string org = Org, int year = Year, IIncidentStore? store = null) =>
        (store ?? Store).SubmitAsync(
            Tenant, org, Prefix, year, submissionId ?? NewId(), Factory(reporterId, submittedAt, details, org), CancellationToken.None);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private Task<List<TableEntity>> RawRowsAsync(string rowKeyPrefix) => RawTable.StartingWithAsync(CaseKeys.Partition(Tenant, Org), rowKeyPrefix);

    [Fact]
    public async Task SubmitAsync_FirstTwo_NumberedTry20260001Then0002()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        Assert.Equal("TRY-2026-0001", first.Incident.CaseNumber);
        Assert.Equal("TRY-2026-0002", second.Incident.CaseNumber);
        Assert.True(first.Created);
        Assert.True(second.Created);
    }

    [Fact]
    public async Task SubmitAsync_OtherOrganisation_HasItsOwnSequence()
    {
        await SubmitAsync();
        await SubmitAsync();

        var other = await SubmitAsync(org: "goteborg");

        Assert.Equal("TRY-2026-0001", other.Incident.CaseNumber);
        Assert.Equal("goteborg", other.Incident.OrganisationId);
        Assert.Equal("TRY-2026-0003", (await SubmitAsync()).Incident.CaseNumber);
    }

    [Fact]
    public async Task SubmitAsync_OtherYear_HasItsOwnSequence()
    {
        await SubmitAsync();
        await SubmitAsync();

        var nextYear = await SubmitAsync(year: 2027);

        Assert.Equal("TRY-2027-0001", nextYear.Incident.CaseNumber);
        Assert.Equal("TRY-2026-0003", (await SubmitAsync()).Incident.CaseNumber);
        Assert.Equal("TRY-2027-0002", (await SubmitAsync(year: 2027)).Incident.CaseNumber);
    }

    [Fact]
    public async Task SubmitAsync_SameSubmissionIdTwice_CreatesOneIncident()
    {
        var id = NewId();
        var calls = 0;

        var first = await Store.SubmitAsync(Tenant, Org, Prefix, Year, id, n => { calls++; return Factory()(n); }, CancellationToken.None);
        var second = await Store.SubmitAsync(Tenant, Org, Prefix, Year, id, n => { calls++; return Factory()(n); }, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal("TRY-2026-0001", second.Incident.CaseNumber);
        Assert.Equal(first.Incident.Details.Description, second.Incident.Details.Description);
        Assert.Equal(1, calls);
        Assert.Single(await RawRowsAsync("case|"));
        Assert.Equal("TRY-2026-0002", (await SubmitAsync()).Incident.CaseNumber);
    }

    [Fact]
    public async Task GetAsync_SwedishTextOf4000Characters_RoundTripsExactly()
    {
        const string Pattern = "Han skrev: \"Vi vet var du bor\" – och 'snart' kommer vi. Åsa, Älvsjö, Öland; \\ back\\slash\t tab\r\nny rad 🙂 ε ";
        var description = string.Concat(Enumerable.Repeat(Pattern, (4000 / Pattern.Length) + 1))[..4000];
        var details = Details(description, IncidentKind.OnlineHate) with
        {
            Platform = "Facebook \"Alingsås forum\"",
            Assignment = IncidentDetails.PartyAssignment,
            PoliceReport = PoliceReport.Made,
            PoliceDiaryNumber = "5000-K123456-26",
            Evidence = [Evidence.Links, Evidence.VoiceMessages],
            Ongoing = true,
            OccurredAt = new DateTimeOffset(2026, 7, 1, 23, 59, 58, 123, TimeSpan.FromHours(2)),
        };
        var submittedAt = new DateTimeOffset(2026, 7, 2, 8, 0, 1, 250, TimeSpan.FromHours(2));

        var created = await SubmitAsync(submittedAt: submittedAt, details: details);
        var read = await Store.GetAsync(Tenant, Org, created.Incident.CaseNumber, CancellationToken.None);

        Assert.Equal(4000, description.Length);
        Assert.NotNull(read);
        Assert.Equal(description, read.Details.Description);
        Assert.Equal(details with { Evidence = read.Details.Evidence }, read.Details);
        Assert.Equal(details.Evidence, read.Details.Evidence);
        Assert.Equal(details.OccurredAt.Offset, read.Details.OccurredAt.Offset);
        Assert.Equal(submittedAt, read.SubmittedAt);
        Assert.Equal(created.Incident with { Details = read.Details, SubmittedAt = read.SubmittedAt }, read);

        var raw = Assert.Single(await RawRowsAsync("case|")).GetString("Details");
        Assert.Contains("Åsa, Älvsjö, Öland", raw, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"OnlineHate\"", raw, StringComparison.Ordinal);
        Assert.True(raw.Length < 8 * 1024, $"{raw.Length} characters");
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        await SubmitAsync();

        Assert.Null(await Store.GetAsync(Tenant, Org, "TRY-2026-0002", CancellationToken.None));
        Assert.Null(await Store.GetAsync(Tenant, "goteborg", "TRY-2026-0001", CancellationToken.None));
    }

    [Fact]
    public async Task ListForReporterAsync_SeveralReporters_ReturnsOnlyThatReportersIncidentsNewestFirst()
    {
        await SubmitAsync(submittedAt: Noon.AddHours(1), details: Details(kind: IncidentKind.Harassment));
        await SubmitAsync(submittedAt: Noon);
        await SubmitAsync(reporterId: Anna + "2", submittedAt: Noon.AddHours(5));
        await SubmitAsync(reporterId: "29:1Bo", submittedAt: Noon.AddHours(6));
        await SubmitAsync(submittedAt: Noon.AddDays(1), details: Details(kind: IncidentKind.Vandalism));
        await SubmitAsync(org: "goteborg", submittedAt: Noon.AddDays(2));

        var list = await Store.ListForReporterAsync(Tenant, Org, Anna, CancellationToken.None);

        Assert.Equal(["TRY-2026-0005", "TRY-2026-0001", "TRY-2026-0002"], list.Select(s => s.CaseNumber));
        Assert.Equal([IncidentKind.Vandalism, IncidentKind.Harassment, IncidentKind.Threat], list.Select(s => s.Kind));
        Assert.Equal([Noon.AddDays(1), Noon.AddHours(1), Noon], list.Select(s => s.SubmittedAt));
        Assert.All(list, s => Assert.Equal(IncidentStatus.Received, s.Status));
    }

    [Fact]
    public async Task ListForReporterAsync_NoIncidents_ReturnsEmpty()
    {
        await SubmitAsync(reporterId: "29:1Bo");

        Assert.Empty(await Store.ListForReporterAsync(Tenant, Org, Anna, CancellationToken.None));
    }

    [Fact]
    public async Task ListForReporterAsync_IndexRows_HoldNoReportText()
    {
        await SubmitAsync(details: Details("Känslig beskrivning som inte får synas i listan"));

        var row = Assert.Single(await RawRowsAsync("member|"));

        Assert.Equal(
            ["CaseNumber", "Kind", "PartitionKey", "RowKey", "Status", "SubmittedAt", "Timestamp", "odata.etag"],
            row.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(row, p => p.Value is string s && s.Contains("Känslig", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateStatusAsync_Existing_ChangesIncidentAndReportersList()
    {
        var created = await SubmitAsync();

        var updated = await Store.UpdateStatusAsync(Tenant, Org, created.Incident.CaseNumber, IncidentStatus.Acknowledged, CancellationToken.None);

        Assert.Equal(IncidentStatus.Acknowledged, updated?.Status);
        Assert.Equal(IncidentStatus.Acknowledged, (await Store.GetAsync(Tenant, Org, created.Incident.CaseNumber, CancellationToken.None))?.Status);
        Assert.Equal(IncidentStatus.Acknowledged, Assert.Single(await Store.ListForReporterAsync(Tenant, Org, Anna, CancellationToken.None)).Status);
        Assert.Equal("Acknowledged", Assert.Single(await RawRowsAsync("case|")).GetString("Status"));
        Assert.Equal("Acknowledged", Assert.Single(await RawRowsAsync("member|")).GetString("Status"));
        Assert.Equal(created.Incident.Details.Description, updated?.Details.Description);
    }

    [Fact]
    public async Task UpdateStatusAsync_SameStatus_ReturnsIncidentUnchanged()
    {
        var created = await SubmitAsync();
        var before = Assert.Single(await RawRowsAsync("case|")).ETag;

        var updated = await Store.UpdateStatusAsync(Tenant, Org, created.Incident.CaseNumber, IncidentStatus.Received, CancellationToken.None);

        Assert.Equal(IncidentStatus.Received, updated?.Status);
        Assert.Equal(before, Assert.Single(await RawRowsAsync("case|")).ETag);
    }

    [Fact]
    public async Task UpdateStatusAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Store.UpdateStatusAsync(Tenant, Org, "TRY-2026-0001", IncidentStatus.Closed, CancellationToken.None));
        Assert.Empty(await RawRowsAsync(""));
    }

    [Fact]
    public async Task UpdateStatusAsync_ConcurrentUpdates_LeaveBothRowsAgreeing()
    {
        var caseNumber = (await SubmitAsync()).Incident.CaseNumber;
        var store = Store;
        IncidentStatus[] statuses = [IncidentStatus.Acknowledged, IncidentStatus.Closed];

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            store.UpdateStatusAsync(Tenant, Org, caseNumber, statuses[i % 2], CancellationToken.None))));

        var incident = Assert.Single(await RawRowsAsync("case|")).GetString("Status");
        Assert.NotEqual("Received", incident);
        Assert.Equal(incident, Assert.Single(await RawRowsAsync("member|")).GetString("Status"));
    }

    public void Dispose() => _host?.Dispose();
}
