using Azure.Data.Tables;

namespace Trygg.Storage;

/// <summary>Who a numbered item says it is: its reference and the tenant and organisation it belongs to.</summary>
internal readonly record struct NumberedIdentity(string Reference, string TenantId, string OrganisationId);

/// <summary>
/// What one kind of numbered submission is (incidents, meeting notices): its table, its partition per tenant and
/// organisation, how its item row is keyed and read back, and the rows one item is stored as.
/// </summary>
/// <param name="What">How errors name the item ("incident").</param>
/// <param name="Rows">The item's own rows in the given partition; the first is the one <paramref name="ItemRowKey"/> names.</param>
internal sealed record NumberedKind<T, TEntity>(
    string TableName,
    string What,
    Func<string, string, string> Partition,
    Func<string, string> ItemRowKey,
    Func<TEntity, T> Read,
    Func<T, NumberedIdentity> Identity,
    Func<T, string, IReadOnlyList<ITableEntity>> Rows)
    where T : class
    where TEntity : class, ITableEntity, new();

/// <summary>
/// Submit, get and list for one kind of numbered item on Table storage: a submit stores the item exactly once per
/// submission id with a gap-free number (<see cref="NumberedSubmission"/>); a get reads the item row by reference;
/// a list scans a row-key range of one partition.
/// </summary>
internal sealed class NumberedSubmissions<T, TEntity>(ITables tables, TimeProvider time, NumberedKind<T, TEntity> kind)
    where T : class
    where TEntity : class, ITableEntity, new()
{
    /// <summary>
    /// Stores the item <paramref name="create"/> builds for the next number (<paramref name="reference"/> turns the
    /// number into the item's reference), plus <paramref name="extraRows"/>, in one transaction; a second submit with
    /// the same <paramref name="submissionRowKey"/> returns the first item, as not created. <paramref name="create"/>
    /// and <paramref name="extraRows"/> may run more than once when concurrent submits race for a number: keep them
    /// free of side effects.
    /// </summary>
    public async Task<(T Item, bool Created)> SubmitAsync(
        string tenantId,
        string organisationId,
        string counterRowKey,
        string submissionRowKey,
        Func<int, string> reference,
        Func<string, T> create,
        ExtraRows<T>? extraRows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(create);
        var partitionKey = kind.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(kind.TableName, cancellationToken);
        var submit = new NumberedSubmit<T>(
            table,
            partitionKey,
            counterRowKey,
            submissionRowKey,
            number => Build(reference(number), tenantId, organisationId, partitionKey, create),
            (stored, token) => ReadAsync(table, partitionKey, stored, token),
            extraRows,
            kind.What);
        return await NumberedSubmission.SubmitAsync(submit, time, cancellationToken);
    }

    /// <summary>The item with <paramref name="reference"/>, or <c>null</c>.</summary>
    public async Task<T?> GetAsync(string tenantId, string organisationId, string reference, CancellationToken cancellationToken)
    {
        var partitionKey = kind.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(kind.TableName, cancellationToken);
        return await ReadAsync(table, partitionKey, reference, cancellationToken);
    }

    /// <summary>The rows of one organisation's partition with row keys in [from, to), as <paramref name="map"/> reads them.</summary>
    public async Task<IReadOnlyList<TResult>> ListAsync<TRow, TResult>(
        string tenantId, string organisationId, (string From, string To) range, Func<TRow, TResult> map, CancellationToken cancellationToken)
        where TRow : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(map);
        var partitionKey = kind.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(kind.TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {range.From} and RowKey lt {range.To}");
        var items = new List<TResult>();
        await foreach (var row in table.QueryAsync<TRow>(filter, cancellationToken: cancellationToken))
        {
            items.Add(map(row));
        }

        return items;
    }

    private NumberedItem<T> Build(string reference, string tenantId, string organisationId, string partitionKey, Func<string, T> create)
    {
        var item = create(reference)
            ?? throw new InvalidOperationException($"The {kind.What} factory returned null.");
        if (kind.Identity(item) != new NumberedIdentity(reference, tenantId, organisationId))
        {
            throw new InvalidOperationException(
                $"The {kind.What} factory must use the reference, tenant and organisation it was given ({reference}).");
        }

        return new NumberedItem<T>(reference, item, kind.Rows(item, partitionKey));
    }

    private async Task<T?> ReadAsync(TableClient table, string partitionKey, string reference, CancellationToken cancellationToken)
    {
        var read = await table.GetEntityIfExistsAsync<TEntity>(partitionKey, kind.ItemRowKey(reference), cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } entity ? kind.Read(entity) : null;
    }
}
