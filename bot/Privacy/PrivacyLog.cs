using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Privacy;

/// <summary>What someone did or tried to do with a member's data.</summary>
public enum ErasureAction
{
    /// <summary>Asked to erase a member's data (the confirmation card was shown).</summary>
    Requested,

    /// <summary>Confirmed: the member's data was erased.</summary>
    Erased,
}

/// <summary>
/// One line of the erasure log: who (Entra object id and name), what, when, whose data (the member's id and name, so
/// the municipality can show that a request was carried out), whether it was allowed, and how much went. Never any of
/// the erased content.
/// </summary>
/// <param name="Subject">The member's Entra object id, or, for a refused attempt, what was typed (cut to 100 characters).</param>
/// <param name="Detail">Counts of what was erased ("2 reports, 1 draft, ..."), or why it was refused.</param>
public sealed record ErasureEntry(
    DateTimeOffset At,
    string ActorAadObjectId,
    string ActorName,
    ErasureAction Action,
    bool Allowed,
    string Subject,
    string SubjectName,
    string? Detail = null);

/// <summary>
/// The <c>privacy</c> table: the erasure log (partition tenant|organisation, rows <c>erasure|{invertedTicks}|{unique}</c>,
/// newest first) and the retention job's daily claims (partition <c>job</c>, rows <c>retention|{yyyy-MM-dd}</c>).
/// </summary>
internal sealed class TablePrivacyLog(ITables tables)
{
    internal const string TableName = "privacy";
    private const string JobPartition = "job";
    private const int MaxSubject = 100;

    public async Task WriteAsync(string tenantId, string organisationId, ErasureEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.AddEntityAsync(
            new TableEntity(
                TableKeys.Compose(tenantId, organisationId),
                TableKeys.Compose("erasure", TableKeys.InvertedTicks(entry.At), Guid.NewGuid().ToString("N")[..8]))
            {
                ["At"] = entry.At,
                ["ActorAadObjectId"] = entry.ActorAadObjectId,
                ["ActorName"] = entry.ActorName,
                ["Action"] = entry.Action.ToString(),
                ["Allowed"] = entry.Allowed,
                ["Subject"] = Cut(entry.Subject),
                ["SubjectName"] = Cut(entry.SubjectName),
                ["Detail"] = entry.Detail,
            },
            cancellationToken);
    }

    /// <summary>An organisation's erasure log, newest first.</summary>
    public async Task<IReadOnlyList<ErasureEntry>> ListAsync(string tenantId, string organisationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var partitionKey = TableKeys.Compose(tenantId, organisationId);
        var result = new List<ErasureEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey, cancellationToken: cancellationToken))
        {
            result.Add(new ErasureEntry(
                row.GetDateTimeOffset("At") ?? default,
                row.GetString("ActorAadObjectId") ?? "",
                row.GetString("ActorName") ?? "",
                Enum.Parse<ErasureAction>(row.GetString("Action") ?? nameof(ErasureAction.Requested)),
                row.GetBoolean("Allowed") ?? false,
                row.GetString("Subject") ?? "",
                row.GetString("SubjectName") ?? "",
                row.GetString("Detail")));
        }

        return result;
    }

    /// <summary>
    /// Claims the retention run of <paramref name="day"/> for <paramref name="owner"/> until <paramref name="leaseUntil"/>:
    /// true for exactly one caller per day, unless its lease ran out before it finished (then another may take over).
    /// </summary>
    public async Task<bool> TryClaimDayAsync(DateOnly day, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var rowKey = DayKey(day);
        var claim = new TableEntity(JobPartition, rowKey) { ["Owner"] = owner, ["LeaseUntil"] = leaseUntil, ["ClaimedAt"] = now };
        if (await table.TryAddEntityAsync(claim, cancellationToken))
        {
            return true;
        }

        var current = await table.GetEntityIfExistsAsync<TableEntity>(JobPartition, rowKey, cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value is not { } row || row.GetDateTimeOffset("CompletedAt") is not null
            || (row.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MaxValue) > now)
        {
            return false;
        }

        // The claimant gave up (a crash) before finishing: take over, unless someone else just did.
        return await table.TryUpdateEntityAsync(claim, row.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Marks the day done with what the run did (counts only).</summary>
    public async Task CompleteDayAsync(DateOnly day, string owner, DateTimeOffset now, string summary, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(JobPartition, DayKey(day)) { ["Owner"] = owner, ["CompletedAt"] = now, ["Summary"] = summary },
            TableUpdateMode.Merge,
            cancellationToken);
    }

    /// <summary>Who ran a day and what it did; null when nobody has.</summary>
    public async Task<(string Owner, DateTimeOffset? CompletedAt, string? Summary)?> DayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(JobPartition, DayKey(day), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } r ? (r.GetString("Owner") ?? "", r.GetDateTimeOffset("CompletedAt"), r.GetString("Summary")) : null;
    }

    private static string DayKey(DateOnly day) => TableKeys.Compose("retention", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Cut(string value) => value.Length <= MaxSubject ? value : value[..MaxSubject];
}
