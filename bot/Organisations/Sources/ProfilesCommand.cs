using Azure;
using Microsoft.Extensions.Options;

namespace Trygg.Organisations.Sources;

/// <summary>
/// <c>dotnet Trygg.Bot.dll profiles upload FOLDER</c> puts the profiles of a folder into the profile table, after checking
/// every one exactly as the bot does at start (the organisation's fields and every registered section), so a bad profile
/// never reaches the table; <c>profiles check [FOLDER]</c> only checks a folder, or the table as the bot would read it.
/// Storage is the bot's own configuration (<c>Storage:TableEndpoint</c> with the operator's Azure sign-in, or
/// <c>Storage:ConnectionString</c> for Azurite), given as usual by environment or <c>--Storage:TableEndpoint=...</c>.
/// </summary>
internal static class ProfilesCommand
{
    private const string Usage = """
        usage: dotnet Trygg.Bot.dll profiles upload FOLDER   check every *.json in FOLDER, then write them to the profile table
               dotnet Trygg.Bot.dll profiles check FOLDER    check every *.json in FOLDER, write nothing
               dotnet Trygg.Bot.dll profiles check           check the profile table as the bot would read it
        """;

    /// <summary>The command's exit code, or null when <paramref name="args"/> is not a <c>profiles</c> command.</summary>
    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is not ["profiles", ..])
        {
            return null;
        }

        var sections = services.GetServices<IProfileSection>().ToArray();
        try
        {
            switch (args)
            {
                case ["profiles", "upload", var folder, ..]:
                    return await UploadAsync(Path.GetFullPath(folder), sections, services.GetRequiredService<TableProfileSource>(), stdout, stderr, cancellationToken).ConfigureAwait(false);
                case ["profiles", "check", var folder, ..] when !folder.StartsWith("--", StringComparison.Ordinal):
                    return Report(OrganisationDirectory.ParseEach(new FolderProfileSource(Path.GetFullPath(folder)).Read(), sections), "checked", stdout);
                case ["profiles", "check", ..]:
                    var table = services.GetRequiredService<TableProfileSource>();
                    return Report(OrganisationDirectory.ParseEach(await table.ReadAsync(cancellationToken).ConfigureAwait(false), sections), $"checked in {table.Description}", stdout);
                default:
                    await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 2;
            }
        }
        catch (OrganisationProfileException e)
        {
            await stderr.WriteLineAsync(e.Message + Environment.NewLine + "Nothing was written.").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is RequestFailedException or OptionsValidationException or Azure.Identity.AuthenticationFailedException)
        {
            await stderr.WriteLineAsync($"Table storage could not be used ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> UploadAsync(
        string folder, IProfileSection[] sections, TableProfileSource table, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var profiles = OrganisationDirectory.ParseEach(new FolderProfileSource(folder).Read(), sections);
        if (profiles.FirstOrDefault(p => p.Profile.Json.Length > TableProfileSource.MaxJsonLength) is { Profile: { } tooLong })
        {
            await stderr.WriteLineAsync(
                $"Organisation profile '{tooLong.Name}' is {tooLong.Json.Length} characters; a Table storage property holds at most {TableProfileSource.MaxJsonLength} (64 KiB). Shorten it (comments, blank space) or keep the profiles in files.{Environment.NewLine}Nothing was written.").ConfigureAwait(false);
            return 1;
        }

        await table.WriteAsync([.. profiles.Select(p => (p.Organisation.Id, p.Profile.Json))], cancellationToken).ConfigureAwait(false);
        return Report(profiles, $"written to {table.Description}; running bots apply them within {OrganisationsOptions.Section}:{nameof(OrganisationsOptions.RoleRefresh)}", stdout);
    }

    private static int Report(IReadOnlyList<(ProfileText Profile, Organisation Organisation)> profiles, string what, TextWriter stdout)
    {
        stdout.WriteLine($"{profiles.Count} organisation profiles {what}: {string.Join(", ", profiles.Select(p => p.Organisation.Id))}");
        return 0;
    }
}
