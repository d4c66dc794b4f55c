using Azure;
using Azure.Data.Tables;

namespace Trygg.Storage;

/// <summary>
/// The one place that reads Table status codes: 409 (an insert found the row already there), 412 (the ETag
/// no longer matches: someone else wrote first) and 404. Stores use the <c>Try</c> methods and decide what a
/// lost race means for them, instead of catching <see cref="RequestFailedException"/> themselves.
/// </summary>
internal static class TableErrors
{
    public static bool IsNotFound(this RequestFailedException exception) => exception.Status == 404;

    /// <summary>409: an insert raced another insert of the same row (or the table is being deleted).</summary>
    public static bool IsConflict(this RequestFailedException exception) => exception.Status == 409;

    /// <summary>412: the ETag we wrote with is stale.</summary>
    public static bool IsPreconditionFailed(this RequestFailedException exception) => exception.Status == 412;

    /// <summary>Someone else wrote first: worth re-reading and trying again.</summary>
    public static bool IsConcurrencyConflict(this RequestFailedException exception) =>
        exception.IsConflict() || exception.IsPreconditionFailed();

    /// <summary>Insert <paramref name="entity"/> unless the row exists; <c>false</c> when it does (409). The basis for claims.</summary>
    public static async Task<bool> TryAddEntityAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return false;
        }
    }

    /// <summary>
    /// Write <paramref name="entity"/> only if the row still has <paramref name="ifMatch"/>; <c>false</c> when it
    /// changed (412) or was deleted meanwhile (404).
    /// </summary>
    public static async Task<bool> TryUpdateEntityAsync<T>(
        this TableClient table, T entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
        {
            return false;
        }
    }

    /// <summary>
    /// Insert <paramref name="entity"/> when <paramref name="ifMatch"/> is null (the row was not there when read), else replace
    /// it only if the row still has <paramref name="ifMatch"/>: the optimistic write after a read. Returns the new ETag, or
    /// <c>null</c> when someone else wrote first (409 on insert; 412, or 404 for a row deleted meanwhile, on replace).
    /// </summary>
    public static async Task<ETag?> TryWriteAsync<T>(this TableClient table, T entity, ETag? ifMatch, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            using var response = ifMatch is { } etag
                ? await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken)
                : await table.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag ?? throw new InvalidOperationException("Table storage answered a write without an ETag.");
        }
        catch (RequestFailedException e) when (ifMatch is null ? e.IsConflict() : e.IsPreconditionFailed() || e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>Delete the row only if it still has <paramref name="ifMatch"/>; <c>false</c> when it changed (412). A missing row counts as deleted.</summary>
    public static async Task<bool> TryDeleteEntityAsync(
        this TableClient table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed())
        {
            return false;
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return true;
        }
    }
}
