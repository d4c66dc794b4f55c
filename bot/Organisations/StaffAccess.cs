namespace Trygg.Organisations;

/// <summary>Which organisations count someone among their authorised security staff.</summary>
public static class StaffAccess
{
    /// <summary>
    /// The organisation whose security staff includes <paramref name="aadObjectId"/>. Someone who serves several
    /// (a shared security unit, or the Playground's one user) gets <paramref name="preferred"/> when it is one of them,
    /// else the first by name; null when none.
    /// </summary>
    public static Organisation? StaffOrganisation(IOrganisationDirectory organisations, string? aadObjectId, string? preferred = null)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return null;
        }

        var mine = organisations.All
            .Where(o => o.Routing.SecurityStaff.Any(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return mine.FirstOrDefault(o => o.Id == preferred) ?? mine.FirstOrDefault();
    }
}
