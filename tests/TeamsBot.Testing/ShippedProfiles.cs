using Trygg.Organisations;
using Trygg.Privacy;
using Trygg.Training;

namespace Trygg.Testing;

/// <summary>The example profiles shipped in bot/Organisations/Profiles, read as the bot reads them, with every section it claims.</summary>
public static class ShippedProfiles
{
    public static string Folder { get; } = RepoPaths.Combine("bot", "Organisations", "Profiles");

    /// <summary>The profile sections the bot's features read and check (training campaigns, retention).</summary>
    public static IProfileSection[] Sections => [new TrainingProfileSection(), new RetentionProfileSection()];

    public static OrganisationDirectory Load() => OrganisationDirectory.Load(Folder, Sections);
}
