using Azure;
using Azure.Data.Tables;

namespace Trygg.Storage;

/// <summary>The four properties every Table row has; each entity class adds its own columns.</summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
