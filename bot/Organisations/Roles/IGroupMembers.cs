namespace Trygg.Organisations.Roles;

/// <summary>
/// Who is in an Entra group, for the roles a profile names by group (<see cref="RoleGroups"/>): Microsoft Graph's
/// transitive members in production (Teams/Graph), the directory file in Development (<see cref="DirectoryFile"/>).
/// </summary>
public interface IGroupMembers
{
    /// <summary>The users in the group, directly or through nested groups (not devices or groups themselves), all pages.</summary>
    Task<IReadOnlyList<StaffPerson>> ListUsersAsync(string groupId, CancellationToken cancellationToken);
}

/// <summary>The Entra groups a profile names for its roles; null where the profile lists the people instead.</summary>
/// <param name="SecurityStaff">Group of the security staff (<c>groups.securityStaff</c>).</param>
/// <param name="Administrators">Group of the administrators (<c>groups.administrators</c>).</param>
/// <param name="PartyOfficers">Party -> group of its security officers (<c>partySecurity[].group</c>); null when no party names one.</param>
public sealed record RoleGroups(string? SecurityStaff, string? Administrators, IReadOnlyDictionary<string, string>? PartyOfficers = null)
{
    public static readonly RoleGroups None = new(null, null);

    /// <summary>The on-call rota (<c>groups.onCall</c>): everyone in it is told out of hours and at escalation.</summary>
    public string? OnCall { get; init; }

    /// <summary>The head of security's group (<c>groups.headOfSecurity</c>): everyone in it gets what the head gets.</summary>
    public string? HeadOfSecurity { get; init; }

    /// <summary>Body id -> group of its local security officers (<c>localSecurityOfficers.{body}.group</c>); null when none names one.</summary>
    public IReadOnlyDictionary<string, string>? LocalOfficers { get; init; }

    public IEnumerable<string> All =>
        new[] { SecurityStaff, Administrators, OnCall, HeadOfSecurity }
            .Concat(PartyOfficers?.Values ?? [])
            .Concat(LocalOfficers?.Values ?? [])
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
}

/// <summary>No directory (local runs without the directory file, tests without groups): a profile that names a group cannot be resolved.</summary>
internal sealed class NoGroupMembers : IGroupMembers
{
    public Task<IReadOnlyList<StaffPerson>> ListUsersAsync(string groupId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No directory is configured to read Entra groups (Graph settings, or the directory file in Development).");
}
