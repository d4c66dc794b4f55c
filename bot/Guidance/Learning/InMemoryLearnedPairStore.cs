using System.Collections.Concurrent;

namespace Trygg.Guidance.Learning;

/// <summary><see cref="ILearnedPairStore"/> in memory, for <c>eval learn</c> and unit tests: the same rules as the table.</summary>
internal sealed class InMemoryLearnedPairStore : ILearnedPairStore
{
    private readonly ConcurrentDictionary<(string Organisation, string Key), LearnedPair> _pairs = new();

    public Task RecordAsync(string organisationId, string question, string passageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _pairs.AddOrUpdate(
            (organisationId, LearnedPair.KeyOf(question, passageId)),
            _ => new LearnedPair(organisationId, LearnedPair.KeyOf(question, passageId), LearnedPair.Cap(question), passageId, PairState.Candidate, 1, at, at),
            (_, current) => current with { Count = current.Count + 1, LastAt = at });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LearnedPair>> ListCandidatesAsync(string organisationId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LearnedPair>>(
            [.. _pairs.Values.Where(p => p.OrganisationId == organisationId && p.State == PairState.Candidate)
                .OrderByDescending(p => p.Count).ThenByDescending(p => p.LastAt).Take(Math.Max(max, 0))]);

    public Task<LearnedPair?> GetAsync(string organisationId, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_pairs.TryGetValue((organisationId, key), out var pair) ? pair : null);

    public Task<LearnedPair> DecideAsync(string organisationId, string question, string passageId, PairState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = LearnedPair.KeyOf(question, passageId);
        var stored = _pairs.AddOrUpdate(
            (organisationId, key),
            _ => new LearnedPair(organisationId, key, LearnedPair.Cap(question), passageId, state, 1, at, at, at),
            (_, current) => current with { State = state, DecidedAt = at });
        return Task.FromResult(stored);
    }

    public Task<int> DeleteCandidatesAsync(Func<string, DateTimeOffset> cutoffOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cutoffOf);
        var old = _pairs.Where(p => p.Value.State == PairState.Candidate && p.Value.LastAt < cutoffOf(p.Value.OrganisationId)).ToList();
        return Task.FromResult(old.Count(p => _pairs.TryRemove(p)));
    }

    public Task<IReadOnlyList<LearnedPair>> ListDecidedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LearnedPair>>([.. _pairs.Values.Where(p => p.State != PairState.Candidate)]);
}
