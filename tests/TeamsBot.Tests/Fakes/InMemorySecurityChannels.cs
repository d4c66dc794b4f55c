using Trygg.Organisations;

namespace Trygg.Fakes;

/// <summary>Registered security channels in memory, for unit tests of features that act only in an organisation's channel.</summary>
internal sealed class InMemorySecurityChannels : ISecurityChannelStore
{
    public List<SecurityChannel> Channels { get; } = [];

    public Task SaveAsync(SecurityChannel channel, CancellationToken cancellationToken)
    {
        Channels.Add(channel);
        return Task.CompletedTask;
    }

    public Task<SecurityChannel?> GetAsync(string tenantId, string organisationId, CancellationToken cancellationToken) =>
        Task.FromResult(Channels.LastOrDefault(c => c.TenantId == tenantId && c.OrganisationId == organisationId));
}
