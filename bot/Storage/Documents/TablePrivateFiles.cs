using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;

namespace Trygg.Storage.Documents;

/// <summary>
/// <see cref="IPrivateFiles"/> in the <c>privatefiles</c> table: PartitionKey tenant|owner, RowKey a random id. The
/// id alone opens nothing: every read names the owner, taken from the authenticated activity.
/// </summary>
internal sealed class TablePrivateFiles(ITables tables, TimeProvider time) : IPrivateFiles
{
    internal const string TableName = "privatefiles";

    public async Task<string> KeepAsync(PrivateFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(file.OwnerAadObjectId);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(file.TenantId, file.OwnerAadObjectId);
        var expired = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ExpiresAt le {time.GetUtcNow()}");
        await foreach (var old in table.QueryAsync<TableEntity>(expired, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await table.TryDeleteEntityAsync(old.PartitionKey, old.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var entity = new TableEntity(partition, id)
        {
            ["TenantId"] = file.TenantId,
            ["OrganisationId"] = file.OrganisationId,
            ["FileName"] = file.FileName,
            ["ContentType"] = file.ContentType,
            ["ExpiresAt"] = file.ExpiresAt,
        };
        DocumentChunks.Write(entity, file.Content);
        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task<PrivateFile?> GetAsync(string tenantId, string ownerAadObjectId, string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(tenantId) || string.IsNullOrWhiteSpace(ownerAadObjectId) || string.IsNullOrEmpty(id) || id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, ownerAadObjectId), id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } entity || (entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue) <= time.GetUtcNow())
        {
            return null;
        }

        return new PrivateFile(
            tenantId,
            entity.GetString("OrganisationId") ?? string.Empty,
            ownerAadObjectId,
            entity.GetString("FileName") ?? "trygg",
            entity.GetString("ContentType") ?? "application/octet-stream",
            DocumentChunks.Read(entity),
            entity.GetDateTimeOffset("ExpiresAt")!.Value);
    }

    public async Task DeleteAsync(string tenantId, string ownerAadObjectId, string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(tenantId) || string.IsNullOrWhiteSpace(ownerAadObjectId) || string.IsNullOrEmpty(id) || id.Length != 32)
        {
            return;
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.TryDeleteEntityAsync(Partition(tenantId, ownerAadObjectId), id, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> DeleteForOrganisationAsync(string tenantId, string organisationId, CancellationToken cancellationToken) =>
        DeleteWhereAsync(TableClient.CreateQueryFilter($"TenantId eq {tenantId} and OrganisationId eq {organisationId}"), cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        DeleteWhereAsync(TableClient.CreateQueryFilter($"ExpiresAt le {now}"), cancellationToken);

    private async Task<int> DeleteWhereAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await table.TryDeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    private static string Partition(string tenantId, string ownerAadObjectId) => TableKeys.Compose(tenantId, ownerAadObjectId.ToLowerInvariant());
}
