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

    public async Task<TrainingRecord?> GetAsync(TrainingRecordKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            Partition(key.TenantId, key.OrganisationId, key.CampaignId, key.CycleKey), TableKeys.Encode(key.MemberId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } entity ? FromEntity(key, entity) : null;
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
        TrainingRecord? next = null;
        await table.ReadChangeWriteAsync<TableEntity>(
            Partition(key.TenantId, key.OrganisationId, key.CampaignId, key.CycleKey),
            TableKeys.Encode(key.MemberId),
            current =>
            {
                next = change(current is null ? null : FromEntity(key, current)) is { } changed ? changed with { Key = key } : null;
                return next is null ? null : ToEntity(next);
            },
            time,
            $"Training record of campaign '{key.CampaignId}'",
            cancellationToken).ConfigureAwait(false);
        return next;
    }

    private static string Partition(string tenantId, string organisationId, string campaignId, string cycleKey) =>
        TableKeys.Compose(tenantId, organisationId, campaignId, cycleKey);

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
