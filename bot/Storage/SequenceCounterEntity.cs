using Azure;
using Azure.Data.Tables;

namespace Trygg.Storage;

/// <summary>The last number handed out in one sequence (one organisation, one year); written only with its ETag.</summary>
internal sealed class SequenceCounterEntity : TableRow
{
    public int Last { get; set; }
}
