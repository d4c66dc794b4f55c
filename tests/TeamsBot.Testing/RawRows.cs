using Azure.Data.Tables;

namespace Trygg.Testing;

/// <summary>Rows read straight from a table, past the store under test: to see what a store really wrote.</summary>
public static class RawRows
{
    /// <summary>The rows of one partition whose row key starts with <paramref name="rowKeyPrefix"/> (none when the table does not exist yet).</summary>
    public static async Task<List<TableEntity>> StartingWithAsync(this TableClient table, string partitionKey, string rowKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(table);
        await table.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")))
        {
            if (row.RowKey.StartsWith(rowKeyPrefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
