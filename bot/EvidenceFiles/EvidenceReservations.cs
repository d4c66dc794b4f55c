using System.Text.Json;
using Trygg.Storage;

namespace Trygg.EvidenceFiles;

/// <summary>A file's size held against its case's limit while it is stored.</summary>
internal sealed record EvidenceReservation(string Id, long Size, DateTimeOffset At);

/// <summary>One case's reservations: <c>{tenant}|{organisation}</c> / the case number, the list as JSON.</summary>
internal sealed class EvidenceReservationEntity : TableRow
{
    public string Json { get; set; } = "[]";
}

/// <summary>
/// Keeps the per-case evidence limit when files arrive at once. Before a file is stored, its size is added to the case's
/// reservation row with the row's ETag (<see cref="TableUpdates"/>: a lost race reads again and decides again), and the
/// limit is checked against what is stored plus every reservation not yet stored. A reservation ends by itself after
/// <see cref="Lifetime"/>: by then its file is stored and counted as stored, or its upload failed (released at once)
/// or the instance died mid-upload, and the case must not stay full of a file that never arrived. Only sizes and
/// evidence ids (hashes) are kept here, never names.
/// </summary>
internal sealed class EvidenceReservations(ITables tables, TimeProvider time)
{
    internal const string TableName = "evidence";

    /// <summary>Far longer than an upload of the largest file takes, and short enough that a lost one frees the case soon.</summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reserves <paramref name="size"/> bytes for <paramref name="evidenceId"/>; false when the case would then hold more
    /// than <paramref name="caseLimit"/>. <paramref name="stored"/> is the case's files, listed before this call.
    /// </summary>
    public async Task<bool> ReserveAsync(
        EvidenceCase evidenceCase, string evidenceId, long size, IReadOnlyList<EvidenceItem> stored, long caseLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidenceCase);
        ArgumentNullException.ThrowIfNull(stored);
        var now = time.GetUtcNow();
        var storedIds = stored.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var full = false;
        await ChangeAsync(
            evidenceCase,
            current =>
            {
                var others = current.Where(r => now - r.At < Lifetime && !string.Equals(r.Id, evidenceId, StringComparison.Ordinal)).ToList();
                var used = stored.Sum(s => s.Size) + others.Where(r => !storedIds.Contains(r.Id)).Sum(r => r.Size);
                full = used + size > caseLimit;
                return full ? null : [.. others, new EvidenceReservation(evidenceId, size, now)];
            },
            cancellationToken);
        return !full;
    }

    /// <summary>Gives back the reservation of a file whose upload failed.</summary>
    public Task ReleaseAsync(EvidenceCase evidenceCase, string evidenceId, CancellationToken cancellationToken) =>
        ChangeAsync(
            evidenceCase,
            current => current.Any(r => string.Equals(r.Id, evidenceId, StringComparison.Ordinal))
                ? [.. current.Where(r => !string.Equals(r.Id, evidenceId, StringComparison.Ordinal))]
                : null,
            cancellationToken);

    /// <summary>The case's row goes with its evidence (erasure, retention).</summary>
    public async Task DeleteCaseAsync(EvidenceCase evidenceCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidenceCase);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.TryDeleteEntityAsync(Partition(evidenceCase), TableKeys.From(evidenceCase.CaseNumber), Azure.ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Read, change (null: nothing to write) and write the case's list with its ETag, again on a lost race.</summary>
    private async Task ChangeAsync(
        EvidenceCase evidenceCase, Func<IReadOnlyList<EvidenceReservation>, IReadOnlyList<EvidenceReservation>?> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partitionKey = Partition(evidenceCase);
        var rowKey = TableKeys.From(evidenceCase.CaseNumber);
        await table.ReadChangeWriteAsync<EvidenceReservationEntity>(
            partitionKey,
            rowKey,
            row =>
            {
                var current = row is null ? [] : JsonSerializer.Deserialize<List<EvidenceReservation>>(row.Json, Json) ?? [];
                if (change(current) is not { } next)
                {
                    return null;
                }

                var written = row ?? new EvidenceReservationEntity { PartitionKey = partitionKey, RowKey = rowKey };
                written.Json = JsonSerializer.Serialize(next, Json);
                return written;
            },
            TimeProvider.System, // the back-off pulls racing uploads apart in wall-clock time, even when a test drives the clock
            "Evidence reservations",
            cancellationToken).ConfigureAwait(false);
    }

    private static string Partition(EvidenceCase evidenceCase) => TableKeys.Compose(evidenceCase.TenantId, evidenceCase.OrganisationId);
}
