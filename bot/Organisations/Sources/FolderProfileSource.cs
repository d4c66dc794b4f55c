namespace Trygg.Organisations.Sources;

/// <summary>The profiles as <c>*.json</c> files in one folder (by default the ones shipped with the bot).</summary>
internal sealed class FolderProfileSource(string folder) : IProfileSource
{
    private const string Setting = OrganisationsOptions.Section + ":" + nameof(OrganisationsOptions.Path);

    public string Description => $"folder '{folder}'";

    public IReadOnlyList<ProfileText> Read()
    {
        if (!Directory.Exists(folder))
        {
            throw new OrganisationProfileException($"The organisation profile folder '{folder}' does not exist; set {Setting}.");
        }

        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new OrganisationProfileException($"The organisation profile folder '{folder}' holds no *.json profiles; add one per municipality or set {Setting}.");
        }

        return [.. files.Select(path => new ProfileText(Path.GetFileName(path), File.ReadAllText(path)))];
    }

    public Task<IReadOnlyList<ProfileText>> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());
}
