using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Trygg.Storage;

/// <summary>
/// Creates each table once per process (CreateIfNotExists is a round trip we should not pay per request) and
/// caches the client. A failed creation is not cached, so the next caller tries again once storage is back.
/// </summary>
internal sealed partial class TableProvider(TableServiceClient service, IOptions<StorageOptions> options) : ITables
{
    private readonly ConcurrentDictionary<string, Task<TableClient>> _tables = new(StringComparer.Ordinal);
    private readonly string _prefix = options.Value.TablePrefix;

    public async ValueTask<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(logicalName);
        if (_tables.TryGetValue(logicalName, out var known))
        {
            if (known.IsCompletedSuccessfully)
            {
                return known.Result;
            }

            // A creation that failed while nobody was waiting (its caller gave up): forget it and try again.
            if (known.IsFaulted || known.IsCanceled)
            {
                _tables.TryRemove(new KeyValuePair<string, Task<TableClient>>(logicalName, known));
            }
        }

        if (!LogicalNamePattern().IsMatch(logicalName))
        {
            throw new ArgumentException($"'{logicalName}' is not a valid logical table name: 3 to 20 letters and digits.", nameof(logicalName));
        }

        // Shared by concurrent first callers; not tied to any one caller's token, each caller waits with its own.
        var creation = _tables.GetOrAdd(logicalName, CreateAsync);
        try
        {
            return await creation.WaitAsync(cancellationToken);
        }
        catch (Exception) when (creation.IsFaulted || creation.IsCanceled)
        {
            _tables.TryRemove(new KeyValuePair<string, Task<TableClient>>(logicalName, creation));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string logicalName)
    {
        var table = service.GetTableClient(_prefix + logicalName);
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        return table;
    }

    [GeneratedRegex("^[A-Za-z0-9]{3,20}$")]
    private static partial Regex LogicalNamePattern();
}
