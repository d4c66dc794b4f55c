using System.Collections.Concurrent;
using Trygg.Members;

namespace Trygg.Fakes;

/// <summary>A hand-written in-memory profile store for unit tests (the real one is tested against Azurite).</summary>
internal sealed class InMemoryMemberProfileStore : IMemberProfileStore
{
    public ConcurrentDictionary<MemberKey, MemberProfile> Profiles { get; } = new();

    public int Saves { get; private set; }

    public Task<MemberProfile?> GetAsync(MemberKey key, CancellationToken cancellationToken) =>
        Task.FromResult(Profiles.TryGetValue(key, out var profile) ? profile : null);

    public Task SaveAsync(MemberKey key, MemberProfile profile, CancellationToken cancellationToken)
    {
        Saves++;
        Profiles[key] = profile;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(MemberKey Key, MemberProfile Profile)>> ListAsync(string organisationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(MemberKey, MemberProfile)>>([.. Profiles.Where(p => p.Value.OrganisationId == organisationId).Select(p => (p.Key, p.Value))]);
}

/// <summary>Answers with <see cref="Identity"/> (null: Teams could not say).</summary>
internal sealed class FakeMemberIdentityLookup : IMemberIdentityLookup
{
    public MemberIdentity? Identity { get; set; }

    public Task<MemberIdentity?> FindAsync(string tenantId, string conversationId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Identity);
}
