using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Privacy;

/// <summary>Deleting many rows of one partition, in entity-group transactions of at most 100.</summary>
internal static class PrivacyTableOps
{
    private const int MaxBatch = 100;

    /// <summary>Deletes <paramref name="rowKeys"/> of one partition; rows already gone are fine. Returns how many were asked for.</summary>
    public static async Task<int> DeleteAsync(TableClient table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        for (var i = 0; i < rowKeys.Count; i += MaxBatch)
        {
            var batch = rowKeys.Skip(i).Take(MaxBatch)
                .Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rk), ETag.All))
                .ToList();
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.IsNotFound())
            {
                // One of them went meanwhile: delete the rest one by one.
                foreach (var action in batch)
                {
                    await table.TryDeleteEntityAsync(partitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
                }
            }
        }

        return rowKeys.Count;
    }
}
