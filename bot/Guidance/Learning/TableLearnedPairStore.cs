using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Guidance.Learning;

/// <summary>
/// <see cref="ILearnedPairStore"/> on the <c>guidancelearning</c> table: PartitionKey the organisation, RowKey the
/// pair's key (a hash of the question, then the passage id). Every change reads the row and writes it back with the
/// ETag it read (<see cref="TableUpdates"/>); a lost race reads again.
/// </summary>
internal sealed class TableLearnedPairStore(ITables tables, TimeProvider time) : ILearnedPairStore
{
    internal const string TableName = "guidancelearning";

    private const string NoOrganisation = "-";

    public Task RecordAsync(string organisationId, string question, string passageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(organisationId, question, passageId, current => current is null
            ? new LearnedPair(organisationId, LearnedPair.KeyOf(question, passageId), LearnedPair.Cap(question), passageId, PairState.Candidate, 1, at, at)
            : current with { Count = current.Count + 1, LastAt = at }, cancellationToken);

    public Task<LearnedPair> DecideAsync(string organisationId, string question, string passageId, PairState state, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(organisationId, question, passageId, current => (current
            ?? new LearnedPair(organisationId, LearnedPair.KeyOf(question, passageId), LearnedPair.Cap(question), passageId, state, 1, at, at))
            with { State = state, DecidedAt = at }, cancellationToken);

    public async Task<IReadOnlyList<LearnedPair>> ListCandidatesAsync(string organisationId, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(organisationId)} and State eq {nameof(PairState.Candidate)}");
        var pairs = new List<LearnedPair>();
        await foreach (var entity in table.QueryAsync<LearnedPairEntity>(filter, cancellationToken: cancellationToken))
        {
            pairs.Add(entity.ToPair());
        }

        return [.. pairs.OrderByDescending(p => p.Count).ThenByDescending(p => p.LastAt).Take(Math.Max(max, 0))];
    }

    public async Task<LearnedPair?> GetAsync(string organisationId, string key, CancellationToken cancellationToken)
    {
        if (Row(key) is not { } row)
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var read = await table.GetEntityIfExistsAsync<LearnedPairEntity>(Partition(organisationId), row, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } entity ? entity.ToPair() : null;
    }

    public async Task<IReadOnlyList<LearnedPair>> ListDecidedAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"State ne {nameof(PairState.Candidate)}");
        var pairs = new List<LearnedPair>();
        await foreach (var entity in table.QueryAsync<LearnedPairEntity>(filter, cancellationToken: cancellationToken))
        {
            pairs.Add(entity.ToPair());
        }

        return pairs;
    }

    public async Task<int> DeleteCandidatesAsync(Func<string, DateTimeOffset> cutoffOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cutoffOf);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"State eq {nameof(PairState.Candidate)}");
        var count = 0;
        await foreach (var entity in table.QueryAsync<LearnedPairEntity>(filter, cancellationToken: cancellationToken))
        {
            // With the ETag read: a candidate asked again or decided meanwhile is newer than the cut-off, and stays.
            if (entity.LastAt < cutoffOf(entity.OrganisationId) && await table.TryDeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    private async Task<LearnedPair> UpdateAsync(
        string organisationId, string question, string passageId, Func<LearnedPair?, LearnedPair> update, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var partition = Partition(organisationId);
        var row = Row(LearnedPair.KeyOf(question, passageId)) ?? throw new ArgumentException("The passage id cannot be stored as a key.", nameof(passageId));
        LearnedPair? next = null;
        await table.ReadChangeWriteAsync<LearnedPairEntity>(
            partition,
            row,
            current =>
            {
                next = update(current?.ToPair());
                return LearnedPairEntity.From(next, partition, row);
            },
            time,
            "A guidance pair",
            cancellationToken);
        return next!;
    }

    private static string Partition(string organisationId) =>
        TableKeys.Encode(string.IsNullOrWhiteSpace(organisationId) ? NoOrganisation : organisationId);

    /// <summary>The row of a key, or null when the key (it may come from a card) cannot be a pair's.</summary>
    private static string? Row(string key)
    {
        var parts = key.Split('|');
        if (parts.Length != 2 || parts[0].Length != 20 || !parts[0].All(char.IsAsciiHexDigitLower) || parts[1].Length is 0 or > 200)
        {
            return null;
        }

        return TableKeys.Compose(parts[0], parts[1]);
    }

    /// <summary>One pair; no identity.</summary>
    private sealed class LearnedPairEntity : TableRow
    {
        public string OrganisationId { get; set; } = "";

        public string Key { get; set; } = "";

        public string Question { get; set; } = "";

        public string PassageId { get; set; } = "";

        public string State { get; set; } = nameof(PairState.Candidate);

        public int Count { get; set; }

        public DateTimeOffset FirstAt { get; set; }

        public DateTimeOffset LastAt { get; set; }

        public DateTimeOffset? DecidedAt { get; set; }

        public static LearnedPairEntity From(LearnedPair pair, string partition, string row) => new()
        {
            PartitionKey = partition,
            RowKey = row,
            OrganisationId = pair.OrganisationId,
            Key = pair.Key,
            Question = pair.Question,
            PassageId = pair.PassageId,
            State = pair.State.ToString(),
            Count = pair.Count,
            FirstAt = pair.FirstAt,
            LastAt = pair.LastAt,
            DecidedAt = pair.DecidedAt,
        };

        public LearnedPair ToPair() => new(
            OrganisationId,
            Key,
            Question,
            PassageId,
            Enum.TryParse<PairState>(State, out var state) ? state : PairState.Candidate,
            Count,
            FirstAt,
            LastAt,
            DecidedAt);
    }
}
