using Trygg.Organisations;

namespace Trygg.Organisations;

/// <summary>Who in an organisation's profile a Teams user is, by Entra object id (never by name).</summary>
public static class Staff
{
    public static StaffPerson? FindSecurityStaff(Organisation organisation, string? aadObjectId) =>
        Find(organisation?.Routing?.SecurityStaff, aadObjectId);

    public static bool IsSecurityStaff(Organisation organisation, string? aadObjectId) =>
        FindSecurityStaff(organisation, aadObjectId) is not null;

    public static bool IsAdministrator(Organisation organisation, string? aadObjectId) =>
        Find(organisation?.Routing?.Administrators, aadObjectId) is not null;

    private static StaffPerson? Find(IReadOnlyList<StaffPerson>? people, string? aadObjectId) =>
        string.IsNullOrWhiteSpace(aadObjectId) || people is null
            ? null
            : people.FirstOrDefault(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));
}
