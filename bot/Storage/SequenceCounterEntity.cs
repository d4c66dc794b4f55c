using Azure;
using Azure.Data.Tables;

namespace Trygg.Storage;

/// <summary>The last number handed out in one sequence (one organisation, one year); written only with its ETag.</summary>
internal sealed class SequenceCounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Last { get; set; }
}
