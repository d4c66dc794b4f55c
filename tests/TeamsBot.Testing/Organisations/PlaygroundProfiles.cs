using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trygg.Organisations;
using Trygg.Organisations.Roles;

namespace Trygg.Testing.Organisations;

/// <summary>
/// The shipped example profiles with their roles read as <c>scripts/run.sh</c> reads them: the profiles name only
/// groups, and the real <see cref="RoleSnapshot"/> fills them from the development directory file (the Playground's
/// mock users). Tests that need the shipped profiles' officers get them here, never from the profile files.
/// </summary>
public static class PlaygroundProfiles
{
    public static string Folder { get; } = RepoPaths.Combine("bot", "Organisations", "Profiles");

    public static string DirectoryFile { get; } = RepoPaths.Combine("bot", "Organisations", "directory.Development.json");

    /// <summary>The shipped profiles with every role group read from the development directory file.</summary>
    public static OrganisationDirectory Load(IReadOnlyCollection<IProfileSection>? sections = null)
    {
        var snapshot = new RoleSnapshot(
            OrganisationDirectory.Load(Folder, sections),
            new DirectoryFile(DirectoryFile),
            Options.Create(new OrganisationsOptions()),
            TimeProvider.System,
            NullLogger<RoleSnapshot>.Instance);
        snapshot.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new OrganisationDirectory(snapshot.All);
    }
}
