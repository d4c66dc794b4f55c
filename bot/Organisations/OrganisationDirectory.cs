using System.Globalization;

namespace Trygg.Organisations;

/// <summary>
/// The organisations this deployment serves, read once from the profile folder (<see cref="OrganisationsOptions.Path"/>).
/// Profiles change with a deployment, not at run time, so there is nothing to reload.
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
        const string setting = OrganisationsOptions.Section + ":" + nameof(OrganisationsOptions.Path);
        if (!Directory.Exists(folder))
        {
            throw new OrganisationProfileException($"The organisation profile folder '{folder}' does not exist; set {setting}.");
        }

        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new OrganisationProfileException($"The organisation profile folder '{folder}' holds no *.json profiles; add one per municipality or set {setting}.");
        }

        var claimed = sections?.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var loaded = new Dictionary<string, (Organisation Organisation, string File)>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var organisation = OrganisationFile.Read(path, claimed);
            foreach (var section in sections ?? [])
            {
                section.Check(organisation);
            }

            var file = Path.GetFileName(path);
            if (loaded.TryGetValue(organisation.Id, out var earlier))
            {
                throw OrganisationProfileException.InField(file, "id", $"is '{organisation.Id}', already used by '{earlier.File}'.");
            }

            loaded.Add(organisation.Id, (organisation, file));
        }

        return new OrganisationDirectory(loaded.Values.Select(v => v.Organisation));
    }
}
