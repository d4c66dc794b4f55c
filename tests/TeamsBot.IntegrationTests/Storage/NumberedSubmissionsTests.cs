using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Testing;

namespace Trygg.Storage;

/// <summary>
/// The shared submit, get and list of numbered items on Azurite, on a test item of its own: a submit is stored once per
/// submission id, numbers have no gaps or duplicates under concurrent submits from one or two instances, extra rows
/// commit with a new item only, and a list reads one range of one partition. Each store's tests keep only its mapping.
/// </summary>
public sealed class NumberedSubmissionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Org = "alingsas";
    private const string Counter = "counter|2026";

    private static readonly NumberedKind<Note, NoteEntity> Kind = new(
        "notes",
        "note",
        (tenant, organisation) => $"{tenant}|{organisation}",
        reference => "note|" + reference,
        row => new Note(row.Reference, row.TenantId, row.OrganisationId, row.Text),
        note => new NumberedIdentity(note.Reference, note.TenantId, note.OrganisationId),
        (note, partitionKey) =>
        [
            new NoteEntity { PartitionKey = partitionKey, RowKey = "note|" + note.Reference, Reference = note.Reference, TenantId = note.TenantId, OrganisationId = note.OrganisationId, Text = note.Text },
            new TableEntity(partitionKey, "index|" + note.Reference),
        ]);

    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private readonly List<IHost> _hosts = [];

    private TableClient RawTable => azurite.CreateServiceClient().GetTableClient(_tablePrefix + Kind.TableName);

    private static string Partition(string org = Org) => Kind.Partition(Tenant, org);

    private NumberedSubmissions<Note, NoteEntity> NewStore()
    {
        var host = TryggServices.Build(azurite, _tablePrefix);
        _hosts.Add(host);
        return new NumberedSubmissions<Note, NoteEntity>(host.Services.GetRequiredService<ITables>(), TimeProvider.System, Kind);
    }

    private static Task<(Note Item, bool Created)> SubmitAsync(
        NumberedSubmissions<Note, NoteEntity> store, string? submissionId = null, Func<string, Note>? create = null, ExtraRows<Note>? extraRows = null) =>
        store.SubmitAsync(
            Tenant,
            Org,
            Counter,
            "sub|" + (submissionId ?? Guid.NewGuid().ToString("N")),
            number => $"N-{number:D4}",
            create ?? (reference => new Note(reference, Tenant, Org, "Möte om skolan i Sollebrunn.")),
            extraRows,
            CancellationToken.None);

    private Task<List<TableEntity>> RawRowsAsync(string rowKeyPrefix) => RawTable.StartingWithAsync(Partition(), rowKeyPrefix);

    private static TableEntity Extra(string partitionKey, string reference, string what) =>
        new(partitionKey, $"extra|{reference}|{what}") { ["Reference"] = reference };

    [Fact]
    public async Task SubmitAsync_FirstTwo_NumberedOneThenTwoAndReadBack()
    {
        var store = NewStore();

        var first = await SubmitAsync(store);
        var second = await SubmitAsync(store);

        Assert.Equal(("N-0001", true), (first.Item.Reference, first.Created));
        Assert.Equal(("N-0002", true), (second.Item.Reference, second.Created));
        Assert.Equal(first.Item, await store.GetAsync(Tenant, Org, "N-0001", CancellationToken.None));
        Assert.Equal(2, Assert.Single(await RawRowsAsync("counter|")).GetInt32("Last"));
    }

    [Fact]
    public async Task SubmitAsync_SameSubmissionIdTwice_StoresOneItemAndBuildsItOnce()
    {
        var store = NewStore();
        var calls = 0;
        Note Create(string reference)
        {
            calls++;
            return new Note(reference, Tenant, Org, "Första texten.");
        }

        var first = await SubmitAsync(store, "same", Create);
        var second = await SubmitAsync(store, "same", Create);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Item, second.Item);
        Assert.Equal(1, calls);
        Assert.Single(await RawRowsAsync("note|"));
        Assert.Equal("N-0002", (await SubmitAsync(store)).Item.Reference);
    }

    [Fact]
    public async Task SubmitAsync_TwentyConcurrentWithDifferentIds_NumbersOneToTwentyWithoutGapsOrDuplicates()
    {
        var store = NewStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SubmitAsync(store))));

        Assert.All(results, r => Assert.True(r.Created));
        var expected = Enumerable.Range(1, 20).Select(n => $"N-{n:D4}").ToList();
        Assert.Equal(expected, results.Select(r => r.Item.Reference).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expected, (await RawRowsAsync("note|")).Select(r => r.GetString("Reference")).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(20, (await RawRowsAsync("index|")).Count);
        Assert.Equal(20, (await RawRowsAsync("counter|")).Single().GetInt32("Last"));
    }

    [Fact]
    public async Task SubmitAsync_TwentyConcurrentFromTwoInstances_NumbersOneToTwentyWithoutGapsOrDuplicates()
    {
        NumberedSubmissions<Note, NoteEntity>[] stores = [NewStore(), NewStore()];

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => SubmitAsync(stores[i % 2]))));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"N-{n:D4}"), results.Select(r => r.Item.Reference).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_TenConcurrentWithTheSameId_StoresOneItem()
    {
        var store = NewStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => SubmitAsync(store, "same"))));

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal("N-0001", r.Item.Reference));
        Assert.Single(await RawRowsAsync("note|"));
        Assert.Single(await RawRowsAsync("index|"));
        Assert.Single(await RawRowsAsync("sub|"));
        Assert.Equal("N-0002", (await SubmitAsync(store)).Item.Reference);
    }

    [Fact]
    public async Task SubmitAsync_NewStoreInstance_ContinuesTheSequenceAndKnowsEarlierSubmissions()
    {
        await SubmitAsync(NewStore(), "earlier");

        var store = NewStore();
        var again = await SubmitAsync(store, "earlier");
        var next = await SubmitAsync(store);

        Assert.Equal(("N-0001", false), (again.Item.Reference, again.Created));
        Assert.Equal("N-0002", next.Item.Reference);
    }

    [Fact]
    public async Task SubmitAsync_WithExtraRows_CommitsThemOnlyWithANewItem()
    {
        var store = NewStore();
        var calls = 0;
        ExtraRows<Note> extraRows = (note, partitionKey) =>
        {
            calls++;
            return [Extra(partitionKey, note.Reference, "notify"), Extra(partitionKey, note.Reference, "remind")];
        };

        var first = await SubmitAsync(store, "same", extraRows: extraRows);
        var again = await SubmitAsync(store, "same", extraRows: extraRows);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(1, calls);
        Assert.Equal(["extra|N-0001|notify", "extra|N-0001|remind"], (await RawRowsAsync("extra|")).Select(r => r.RowKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_ExtraRowThatAlreadyExists_ThrowsAndStoresNothing()
    {
        var store = NewStore();
        await RawTable.CreateIfNotExistsAsync();
        await RawTable.AddEntityAsync(Extra(Partition(), "N-0001", "notify"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => SubmitAsync(store, extraRows: (note, pk) => [Extra(pk, note.Reference, "notify")]));

        Assert.Empty(await RawRowsAsync("note|"));
        Assert.Empty(await RawRowsAsync("index|"));
        Assert.Empty(await RawRowsAsync("sub|"));
        Assert.Empty(await RawRowsAsync("counter|"));
        Assert.Equal("N-0001", (await SubmitAsync(store)).Item.Reference);
    }

    [Fact]
    public async Task SubmitAsync_ExtraRowInAnotherPartition_ThrowsAndStoresNothing()
    {
        var store = NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => SubmitAsync(store, extraRows: (note, _) => [Extra(Partition("goteborg"), note.Reference, "notify")]));

        Assert.Empty(await RawRowsAsync(""));
    }

    [Fact]
    public async Task SubmitAsync_FactoryIgnoresTheReference_ThrowsAndStoresNothing()
    {
        var store = NewStore();

        await Assert.ThrowsAsync<InvalidOperationException>(() => SubmitAsync(store, create: _ => new Note("N-9999", Tenant, Org, "Fel nummer.")));

        Assert.Empty(await RawRowsAsync(""));
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        Assert.Null(await NewStore().GetAsync(Tenant, Org, "N-0001", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_Range_ReturnsTheRowsInItOfThatPartitionOnly()
    {
        var store = NewStore();
        await SubmitAsync(store);
        await SubmitAsync(store);
        await store.SubmitAsync(
            Tenant, "goteborg", Counter, "sub|other", n => $"N-{n:D4}", reference => new Note(reference, Tenant, "goteborg", "Annan kommun."), null, CancellationToken.None);

        var notes = await store.ListAsync(Tenant, Org, ("note|", "note}"), (NoteEntity row) => row.Reference, CancellationToken.None);
        var indexes = await store.ListAsync(Tenant, Org, ("index|", "index}"), (TableEntity row) => row.RowKey, CancellationToken.None);

        Assert.Equal(["N-0001", "N-0002"], notes);
        Assert.Equal(["index|N-0001", "index|N-0002"], indexes);
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    internal sealed record Note(string Reference, string TenantId, string OrganisationId, string Text);

    internal sealed class NoteEntity : TableRow
    {
        public string Reference { get; set; } = "";

        public string TenantId { get; set; } = "";

        public string OrganisationId { get; set; } = "";

        public string Text { get; set; } = "";
    }
}
