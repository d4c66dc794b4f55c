using Trygg.Organisations;

namespace Trygg.Members;

/// <summary>Who a member is, across conversations: tenant and Entra object id (Teams user id when Entra's is missing).</summary>
public sealed record MemberKey(string TenantId, string UserId);

/// <summary>
/// What the bot knows about a member, asked once and reused. Name and e-mail come from the Teams/Entra identity,
/// never from typing.
/// </summary>
public sealed record MemberProfile(
    string OrganisationId,
    string Party,
    MemberRole Role,
    IReadOnlyList<string> BodyIds,
    string? Phone,
    string Name,
    string? Email,
    DateTimeOffset UpdatedAt);

public interface IMemberProfileStore
{
    Task<MemberProfile?> GetAsync(MemberKey key, CancellationToken cancellationToken);

    Task SaveAsync(MemberKey key, MemberProfile profile, CancellationToken cancellationToken);

    /// <summary>Every member who chose <paramref name="organisationId"/> (training status and reminders).</summary>
    Task<IReadOnlyList<(MemberKey Key, MemberProfile Profile)>> ListAsync(string organisationId, CancellationToken cancellationToken);
}

/// <summary>The member's name and e-mail as Teams/Entra know them.</summary>
public sealed record MemberIdentity(string Name, string? Email);

/// <summary>Looks a member up in Teams (or the directory); implemented by the protocol layer.</summary>
public interface IMemberIdentityLookup
{
    Task<MemberIdentity?> FindAsync(string tenantId, string conversationId, string userId, CancellationToken cancellationToken);
}
