namespace Trygg.Members.Directory;

/// <summary>A user in the organisation's directory (Entra ID), as much as the bot needs.</summary>
/// <param name="Id">Entra object id.</param>
public sealed record DirectoryUser(string Id, string DisplayName, string? UserPrincipalName, string? Mail);

/// <summary>What installing the app for a user did.</summary>
public enum AppInstallOutcome
{
    /// <summary>The app was installed now (Graph answered 201).</summary>
    Installed,

    /// <summary>It was installed already (Graph answered 409).</summary>
    AlreadyInstalled,
}

/// <summary>
/// The organisation's directory (Microsoft Graph in production). Features use this, never the Graph SDK.
/// Transient Graph failures are retried inside the implementation; what comes out as <see cref="DirectoryException"/>
/// has failed for good or is not configured.
/// </summary>
public interface IDirectory
{
    /// <summary>The user with this Entra object id or user principal name; null when there is none.</summary>
    Task<DirectoryUser?> FindUserAsync(string tenantId, string idOrUserPrincipalName, CancellationToken cancellationToken);

    /// <summary>Installs Trygg for the user (personal scope), so that the bot can open a 1:1 chat with them.</summary>
    Task<AppInstallOutcome> InstallAppForUserAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>The direct user members of a group, all pages.</summary>
    IAsyncEnumerable<DirectoryUser> ListGroupMembersAsync(string tenantId, string groupId, CancellationToken cancellationToken);
}

/// <summary>The directory could not do what was asked (not configured, not permitted, or failed for good).</summary>
public sealed class DirectoryException(string message, bool notConfigured = false, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when no directory is configured (local runs): retrying will not help.</summary>
    public bool NotConfigured { get; } = notConfigured;
}

/// <summary>The directory when Graph is not configured (local runs with the Playground): every call says so.</summary>
public sealed class UnconfiguredDirectory : IDirectory
{
    private const string Message = "Microsoft Graph is not configured (Graph settings missing); the directory is unavailable.";

    public Task<DirectoryUser?> FindUserAsync(string tenantId, string idOrUserPrincipalName, CancellationToken cancellationToken) =>
        throw new DirectoryException(Message, notConfigured: true);

    public Task<AppInstallOutcome> InstallAppForUserAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        throw new DirectoryException(Message, notConfigured: true);

    public IAsyncEnumerable<DirectoryUser> ListGroupMembersAsync(string tenantId, string groupId, CancellationToken cancellationToken) =>
        throw new DirectoryException(Message, notConfigured: true);
}
