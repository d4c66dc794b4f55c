using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Trygg.Members.Directory;

namespace Trygg.Testing.Cases;

/// <summary>A directory for delivery tests: records installs; <see cref="NotConfigured"/> behaves like a local run without Graph.</summary>
public sealed class FakeDirectory : IDirectory
{
    private readonly ConcurrentQueue<string> _installs = new();
    private int _groupListings;

    public bool NotConfigured { get; set; }

    /// <summary>Called after each recorded install (e.g. to make the messenger succeed from then on).</summary>
    public Action<string>? OnInstall { get; set; }

    public IReadOnlyList<string> Installs => [.. _installs];

    /// <summary>Group id -> its members, for <see cref="ListGroupMembersAsync"/>.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<DirectoryUser>> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many group listings were asked for.</summary>
    public int GroupListings => _groupListings;

    public Task<DirectoryUser?> FindUserAsync(string tenantId, string idOrUserPrincipalName, CancellationToken cancellationToken) =>
        Task.FromResult<DirectoryUser?>(null);

    public Task<AppInstallOutcome> InstallAppForUserAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        if (NotConfigured)
        {
            throw new DirectoryException("not configured", notConfigured: true);
        }

        _installs.Enqueue(userId);
        OnInstall?.Invoke(userId);
        return Task.FromResult(AppInstallOutcome.Installed);
    }

    public async IAsyncEnumerable<DirectoryUser> ListGroupMembersAsync(string tenantId, string groupId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        Interlocked.Increment(ref _groupListings);
        if (NotConfigured)
        {
            throw new DirectoryException("not configured", notConfigured: true);
        }

        foreach (var user in Groups.GetValueOrDefault(groupId) ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return user;
        }
    }
}
