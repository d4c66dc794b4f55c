using Azure.Data.Tables;

namespace Trygg.Storage;

/// <summary>Hands out the <see cref="TableClient"/> of a logical table (<c>"state"</c>), created on first use.</summary>
internal interface ITables
{
    /// <summary>The client of <c>TablePrefix + logicalName</c>; the table exists when this returns.</summary>
    ValueTask<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken);
}
