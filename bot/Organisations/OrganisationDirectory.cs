using System.Globalization;
using Trygg.Organisations.Sources;

namespace Trygg.Organisations;

/// <summary>
/// The organisations this deployment serves, as read from one version of the profile source
/// (<see cref="OrganisationsOptions.Source"/>); a new version is a new directory (<see cref="Sources.ProfileReader"/>).
/// Features read their own parts of a profile (<see cref="IProfileSection"/>).
/// </summary>
public sealed class OrganisationDirectory : IOrganisationDirectory
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    private readonly Dictionary<string, Organisation> _byId;

    public OrganisationDirectory(IEnumerable<Organisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        All = [.. organisations.OrderBy(o => o.Name, ByName)];
        _byId = All.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Organisation> All { get; }

    public Organisation? Find(string id) =>
        id is not null && _byId.TryGetValue(id, out var organisation) ? organisation : null;

    /// <summary>
    /// Reads and checks every <c>*.json</c> in <paramref name="folder"/>; throws <see cref="OrganisationProfileException"/>
    /// naming the file and field at the first problem. With <paramref name="sections"/> (the host passes the registered
    /// ones) a top-level field no section claims is refused and every section is read and checked now; without, feature
    /// sections are kept as written and read when first used.
    /// </summary>
    public static OrganisationDirectory Load(string folder, IReadOnlyCollection<IProfileSection>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Parse(new FolderProfileSource(folder).Read(), sections);
    }

    /// <summary>Reads and checks <paramref name="profiles"/> from any source, as <see cref="Load"/> does a folder.</summary>
    public static OrganisationDirectory Parse(IReadOnlyList<ProfileText> profiles, IReadOnlyCollection<IProfileSection>? sections = null) =>
        new(ParseEach(profiles, sections).Select(p => p.Organisation));

    /// <summary>Each profile with the organisation read from it; throws at the first problem, naming profile and field.</summary>
    internal static IReadOnlyList<(ProfileText Profile, Organisation Organisation)> ParseEach(
        IReadOnlyList<ProfileText> profiles, IReadOnlyCollection<IProfileSection>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);

        // Case-insensitive like the JSON reader, so "Training" is the training section and not a misspelling.
        var claimed = sections?.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var loaded = new Dictionary<string, (ProfileText Profile, Organisation Organisation)>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            var organisation = Check(profile, claimed, sections);
            if (profile.Id is { } filedUnder && !string.Equals(organisation.Id, filedUnder, StringComparison.Ordinal))
            {
                throw OrganisationProfileException.InField(profile.Name, "id", $"is '{organisation.Id}', but the profile is stored as '{filedUnder}': upload it again with `profiles upload`.");
            }

            if (loaded.TryGetValue(organisation.Id, out var earlier))
            {
                throw OrganisationProfileException.InField(profile.Name, "id", $"is '{organisation.Id}', already used by '{earlier.Profile.Name}'.");
            }

            loaded.Add(organisation.Id, (profile, organisation));
        }

        if (loaded.Count == 0)
        {
            throw new OrganisationProfileException("There are no organisation profiles: the bot needs at least one.");
        }

        return [.. loaded.Values];
    }

    private static Organisation Check(ProfileText profile, IReadOnlySet<string>? claimed, IReadOnlyCollection<IProfileSection>? sections)
    {
        try
        {
            var organisation = OrganisationFile.Parse(profile.Name, profile.Json, claimed);
            foreach (var section in sections ?? [])
            {
                section.Check(organisation);
            }

            return organisation;
        }
        catch (OrganisationProfileException e) when (e.Profile is null)
        {
            throw new OrganisationProfileException(e.Message, e) { Profile = profile.Name };
        }
    }
}
