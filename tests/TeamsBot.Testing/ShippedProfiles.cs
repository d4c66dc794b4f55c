using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trygg.Organisations;
using Trygg.Organisations.Roles;
using Trygg.Privacy;
using Trygg.Training;

namespace Trygg.Testing;

/// <summary>
/// The example profiles shipped in bot/Organisations/Profiles, read as <c>scripts/run.sh</c> reads them: with every
/// section the bot claims, and with the roles they name by group filled by the real <see cref="RoleSnapshot"/> from the
/// development directory file (the Playground's mock users). The profile files name no people, so tests that need the
/// shipped profiles' officers get them here.
/// </summary>
public static class ShippedProfiles
{
    public static string Folder { get; } = RepoPaths.Combine("bot", "Organisations", "Profiles");

    public static string DirectoryFile { get; } = RepoPaths.Combine("bot", "Organisations", "directory.Development.json");

    /// <summary>The profile sections the bot's features read and check (training campaigns, retention).</summary>
    public static IProfileSection[] Sections => [new TrainingProfileSection(), new RetentionProfileSection()];

    /// <summary>The profiles as the files hold them: groups named, nobody in them.</summary>
    public static OrganisationDirectory LoadAsWritten() => OrganisationDirectory.Load(Folder, Sections);

    /// <summary>The profiles with every role group read from the development directory file.</summary>
    public static OrganisationDirectory Load()
    {
        var snapshot = new RoleSnapshot(
            LoadAsWritten(),
            new Trygg.Organisations.Roles.DirectoryFile(DirectoryFile),
            Options.Create(new OrganisationsOptions()),
            TimeProvider.System,
            NullLogger<RoleSnapshot>.Instance);
        snapshot.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new OrganisationDirectory(snapshot.All);
    }

    /// <summary>
    /// Alingsås' shipped profile changed by <paramref name="edit"/> (its JSON text in, the text to load out), loaded alone
    /// from a folder of its own, as written: for tests of how a profile section is checked at start.
    /// </summary>
    public static OrganisationDirectory LoadAlingsasEdited(Func<string, string> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var folder = Directory.CreateTempSubdirectory("trygg-profile-").FullName;
        try
        {
            var profile = File.ReadAllText(Path.Combine(Folder, "alingsas.json"));
            File.WriteAllText(Path.Combine(folder, "alingsas.json"), edit(profile));
            return OrganisationDirectory.Load(folder, Sections);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
