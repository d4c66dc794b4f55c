using Azure;
using Azure.Data.Tables;

namespace Trygg.Conversation.State;

/// <summary>One state value: PartitionKey = tenant|conversation, RowKey = user|slot, the value as JSON.</summary>
internal sealed class ConversationStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The value serialized with System.Text.Json (web defaults).</summary>
    public string Json { get; set; } = "";
}
