namespace Trygg.Organisations;

/// <summary>Where the organisation profiles (one JSON text per municipality) are. Bound from the <c>Organisations</c> section.</summary>
public sealed class OrganisationsOptions
{
    public const string Section = "Organisations";

    /// <summary>The profiles ship with the bot, copied next to it (<c>Organisations/Profiles/*.json</c>).</summary>
    public static string DefaultPath { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Organisations", "Profiles");

    /// <summary>
    /// <see cref="ProfileSourceKind.Files"/> (the folder <see cref="Path"/>) or <see cref="ProfileSourceKind.Table"/> (the
    /// table operators fill with <c>profiles upload</c>). Either is read again every <see cref="RoleRefresh"/>.
    /// </summary>
    public ProfileSourceKind Source { get; set; } = ProfileSourceKind.Files;

    /// <summary>The folder holding <c>*.json</c> profiles; a relative path is taken from the bot's own folder.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// How often the profiles and the roles they name by Entra group are read again (five minutes: a staff or profile
    /// change needs no deploy).
    /// </summary>
    public TimeSpan RoleRefresh { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How old the roles read from Entra groups may grow while the directory keeps failing before the health check
    /// reports degraded and every refresh warns (24 hours). The last good roles are still served after it, see <see cref="Roles.RoleHealthCheck"/>.
    /// </summary>
    public TimeSpan RoleMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Development only: the directory file mapping the groups the profiles name to the Playground's mock users; a
    /// relative path is taken from the bot's own folder.
    /// </summary>
    public string DirectoryFile { get; set; } = System.IO.Path.Combine("Organisations", "directory.Development.json");

    /// <summary><see cref="Path"/> made absolute.</summary>
    public string ResolvedPath => System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory);
}

/// <summary>Where the profiles are read from.</summary>
public enum ProfileSourceKind
{
    /// <summary>The <c>*.json</c> files in <see cref="OrganisationsOptions.Path"/>.</summary>
    Files,

    /// <summary>The rows of the table <c>&lt;Storage:TablePrefix&gt;profiles</c>.</summary>
    Table,
}
