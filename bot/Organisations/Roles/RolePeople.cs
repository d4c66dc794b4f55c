namespace Trygg.Organisations.Roles;

/// <summary>The people who hold one role: those the profile lists and those its group holds, each once (by Entra object id).</summary>
internal static class RolePeople
{
    public static IReadOnlyList<StaffPerson> Union(IEnumerable<StaffPerson> listed, IEnumerable<StaffPerson> members) =>
        [.. listed.Concat(members).DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase)];

    public static IReadOnlyList<StaffPerson> Union(StaffPerson? named, IEnumerable<StaffPerson> members) =>
        Union(named is null ? [] : [named], members);
}
