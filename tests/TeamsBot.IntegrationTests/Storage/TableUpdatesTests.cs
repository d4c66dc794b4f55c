using Azure.Data.Tables;
using Trygg.Testing;

namespace Trygg.Storage;

/// <summary>The one read-change-write of a row, and of a batch of rows, on Azurite: a writer in between loses nothing, and the retries are bounded.</summary>
public sealed class TableUpdatesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Partition = "p";
    private const string Row = "r";
    private const string OtherRow = "s";

    [Fact]
    public async Task ReadChangeWriteAsync_MissingRow_CreatesIt()
    {
        var table = await NewTableAsync();

        var written = await table.ReadChangeWriteAsync<TableEntity>(Partition, Row, current => Add(current, "A"), TimeProvider.System, "Test row", default);

        var stored = (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value;
        Assert.Equal("A", stored.GetString("A"));
        Assert.Equal(stored.ETag, written!.ETag);
    }

    [Fact]
    public async Task ReadChangeWriteAsync_ConflictingWriterInBetween_RetriesAndBothChangesSurvive()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Start"] = "S" });
        var calls = 0;

        await table.ReadChangeWriteAsync<TableEntity>(
            Partition,
            Row,
            current =>
            {
                if (++calls == 1)
                {
                    // Another instance writes after our read: our If-Match write must fail with 412 and be redone.
                    var other = table.GetEntity<TableEntity>(Partition, Row).Value;
                    other["B"] = "B";
                    table.UpdateEntity(other, other.ETag, TableUpdateMode.Replace);
                }

                return Add(current, "A");
            },
            TimeProvider.System,
            "Test row",
            default);

        var stored = (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value;
        Assert.Equal(2, calls);
        Assert.Equal(["S", "A", "B"], new[] { stored.GetString("Start"), stored.GetString("A"), stored.GetString("B") });
    }

    [Fact]
    public async Task ReadChangeWriteAsync_RowCreatedByAnotherWriterAfterAMissingRead_RetriesAsAnUpdate()
    {
        var table = await NewTableAsync();
        var calls = 0;

        await table.ReadChangeWriteAsync<TableEntity>(
            Partition,
            Row,
            current =>
            {
                if (++calls == 1)
                {
                    Assert.Null(current);
                    table.AddEntity(new TableEntity(Partition, Row) { ["B"] = "B" }); // our insert then meets 409
                }

                return Add(current, "A");
            },
            TimeProvider.System,
            "Test row",
            default);

        var stored = (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value;
        Assert.Equal(2, calls);
        Assert.Equal(("A", "B"), (stored.GetString("A"), stored.GetString("B")));
    }

    [Fact]
    public async Task ReadChangeWriteAsync_ChangeReturnsNull_WritesNothing()
    {
        var table = await NewTableAsync();

        var written = await table.ReadChangeWriteAsync<TableEntity>(Partition, Row, _ => null, TimeProvider.System, "Test row", default);

        Assert.Null(written);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row)).HasValue);
    }

    [Fact]
    public async Task ReadChangeWriteAsync_RowChangesUnderEveryAttempt_GivesUpAfterMaxAttempts()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row) { ["N"] = 0 });
        var calls = 0;

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => table.ReadChangeWriteAsync<TableEntity>(
            Partition,
            Row,
            current =>
            {
                calls++;
                var other = table.GetEntity<TableEntity>(Partition, Row).Value;
                other["N"] = calls;
                table.UpdateEntity(other, other.ETag, TableUpdateMode.Replace);
                return Add(current, "A");
            },
            TimeProvider.System,
            "Test row",
            default));

        Assert.Equal(TableUpdates.MaxAttempts, calls);
        Assert.Contains("Test row", error.Message, StringComparison.Ordinal);
        Assert.Null((await table.GetEntityAsync<TableEntity>(Partition, Row)).Value.GetString("A"));
    }

    [Fact]
    public async Task ChangeBatchAsync_ConcurrentChangeToOneRowOfTheBatch_RetriesAndBothChangesSurvive()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Start"] = "S" });
        await table.AddEntityAsync(new TableEntity(Partition, OtherRow) { ["Start"] = "S" });
        var calls = 0;

        var result = await table.ChangeBatchAsync(
            async ct =>
            {
                var first = (await table.GetEntityAsync<TableEntity>(Partition, Row, cancellationToken: ct)).Value;
                var second = (await table.GetEntityAsync<TableEntity>(Partition, OtherRow, cancellationToken: ct)).Value;
                if (++calls == 1)
                {
                    // Another instance changes the second row after our read: the whole transaction must fail and be redone.
                    var other = (await table.GetEntityAsync<TableEntity>(Partition, OtherRow, cancellationToken: ct)).Value;
                    other["B"] = "B";
                    await table.UpdateEntityAsync(other, other.ETag, TableUpdateMode.Replace, ct);
                }

                return new BatchChange<string>(
                    "written",
                    [
                        new(TableTransactionActionType.UpdateReplace, Add(first, "A"), first.ETag),
                        new(TableTransactionActionType.UpdateReplace, Add(second, "A", OtherRow), second.ETag),
                    ]);
            },
            TimeProvider.System,
            "Test rows",
            default);

        Assert.Equal("written", result);
        Assert.Equal(2, calls);
        var row = (await table.GetEntityAsync<TableEntity>(Partition, Row)).Value;
        var otherRow = (await table.GetEntityAsync<TableEntity>(Partition, OtherRow)).Value;
        Assert.Equal(("S", "A"), (row.GetString("Start"), row.GetString("A")));
        Assert.Equal(("S", "A", "B"), (otherRow.GetString("Start"), otherRow.GetString("A"), otherRow.GetString("B")));
    }

    [Fact]
    public async Task ChangeBatchAsync_ConflictAnsweredByTheChange_ReturnsThatAnswerWithoutRetryingOrWriting()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity(Partition, Row) { ["Start"] = "S" });
        var calls = 0;

        var result = await table.ChangeBatchAsync(
            async ct =>
            {
                calls++;
                var current = (await table.GetEntityAsync<TableEntity>(Partition, Row, cancellationToken: ct)).Value;
                var other = (await table.GetEntityAsync<TableEntity>(Partition, Row, cancellationToken: ct)).Value;
                other["B"] = "B";
                await table.UpdateEntityAsync(other, other.ETag, TableUpdateMode.Replace, ct);
                return new BatchChange<string>(
                    "written", [new(TableTransactionActionType.UpdateReplace, Add(current, "A"), current.ETag)], _ => "someone else wrote first");
            },
            TimeProvider.System,
            "Test rows",
            default);

        Assert.Equal("someone else wrote first", result);
        Assert.Equal(1, calls);
        Assert.Null((await table.GetEntityAsync<TableEntity>(Partition, Row)).Value.GetString("A"));
    }

    /// <summary>The row as read plus one property, as a new entity (the change must not edit what it was given).</summary>
    private static TableEntity Add(TableEntity? current, string property, string row = Row)
    {
        var next = new TableEntity(Partition, row);
        foreach (var (key, value) in current ?? new TableEntity())
        {
            if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                next[key] = value;
            }
        }

        next[property] = property;
        return next;
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.NewTablePrefix() + "updates");
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
