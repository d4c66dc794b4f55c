using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Trygg.Members;
using Trygg.Storage;
using Trygg.Organisations;

namespace Trygg.Training;

/// <summary>
/// <see cref="ITrainingRecords"/> on the <c>training</c> table: one partition per organisation, campaign and cycle
/// (so the status of a whole council is one partition scan), one row per member.
/// </summary>
internal sealed class TableTrainingRecords(ITables tables, TimeProvider time) : ITrainingRecords
{
    internal const string TableName = "training";
    private const int MaxAttempts = 10;

    public async Task<TrainingRecord?> GetAsync(TrainingRecordKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var (record, _) = await ReadAsync(table, key, cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<IReadOnlyList<TrainingRecord>> ListAsync(string tenantId, string organisationId, string campaignId, string cycleKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(tenantId, organisationId, campaignId, cycleKey);
        var result = new List<TrainingRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(new TrainingRecordKey(tenantId, organisationId, campaignId, cycleKey, TableKeys.Decode(entity.RowKey)), entity));
        }

        return result;
    }

    public async Task<TrainingRecord?> UpdateAsync(TrainingRecordKey key, Func<TrainingRecord?, TrainingRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(change);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync(table, key, cancellationToken).ConfigureAwait(false);
            if (change(current) is not { } next)
            {
                return null;
            }

            var entity = ToEntity(next with { Key = key });
            if (await table.TryWriteAsync(entity, etag, cancellationToken).ConfigureAwait(false) is not null)
            {
                return next with { Key = key };
            }

            if (attempt == MaxAttempts)
            {
                throw new StorageConcurrencyException($"Training record of campaign '{key.CampaignId}' kept changing under {MaxAttempts} updates; gave up.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, 10 << Math.Min(attempt, 5))), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Partition(string tenantId, string organisationId, string campaignId, string cycleKey) =>
        TableKeys.Compose(tenantId, organisationId, campaignId, cycleKey);

    private static async Task<(TrainingRecord? Record, ETag? ETag)> ReadAsync(TableClient table, TrainingRecordKey key, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            Partition(key.TenantId, key.OrganisationId, key.CampaignId, key.CycleKey), TableKeys.Encode(key.MemberId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } entity ? (FromEntity(key, entity), entity.ETag) : (null, null);
    }

    private static TableEntity ToEntity(TrainingRecord r) => new(
        Partition(r.Key.TenantId, r.Key.OrganisationId, r.Key.CampaignId, r.Key.CycleKey), TableKeys.Encode(r.Key.MemberId))
    {
        ["Name"] = r.Name,
        ["Party"] = r.Party,
        ["Role"] = r.Role.ToString(),
        ["JoinedAt"] = r.JoinedAt,
        ["RemindersSent"] = r.RemindersSent,
        ["SnoozedUntil"] = r.SnoozedUntil,
        ["LastRemindedAt"] = r.LastRemindedAt,
        ["DoneAt"] = r.DoneAt,
        ["Source"] = r.Source?.ToString(),
        ["RegisteredBy"] = r.RegisteredBy,
    };

    private static TrainingRecord FromEntity(TrainingRecordKey key, TableEntity e) => new(
        key,
        e.GetString("Name") ?? string.Empty,
        e.GetString("Party"),
        Enum.TryParse<MemberRole>(e.GetString("Role"), out var role) ? role : MemberRole.Fritidspolitiker,
        e.GetDateTimeOffset("JoinedAt") ?? DateTimeOffset.MinValue,
        e.GetInt32("RemindersSent") ?? 0,
        e.GetDateTimeOffset("SnoozedUntil"),
        e.GetDateTimeOffset("LastRemindedAt"),
        e.GetDateTimeOffset("DoneAt"),
        Enum.TryParse<CompletionSource>(e.GetString("Source"), out var source) ? source : null,
        e.GetString("RegisteredBy"));
}
