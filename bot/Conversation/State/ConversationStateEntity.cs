using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Conversation.State;

/// <summary>One state value: PartitionKey = tenant|conversation, RowKey = user|slot, the value as JSON.</summary>
internal sealed class ConversationStateEntity : TableRow
{
    /// <summary>The value serialized with System.Text.Json (web defaults).</summary>
    public string Json { get; set; } = "";
}
