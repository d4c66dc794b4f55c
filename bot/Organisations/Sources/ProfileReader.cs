namespace Trygg.Organisations.Sources;

/// <summary>
/// Reads the organisation profiles from their source and checks them with the registered sections: once at start (a
/// bad profile or an unreadable source stops the start, with the message naming what to fix) and again on every
/// refresh (<see cref="Roles.RoleSnapshot"/>), where a bad new version is refused and the last valid one stays.
/// </summary>
internal sealed partial class ProfileReader(IProfileSource source, IEnumerable<IProfileSection> sections, ILogger<ProfileReader> logger)
{
    private readonly IProfileSection[] _sections = [.. sections];

    /// <summary>The texts the current directory was read from: an unchanged source is not read into a new directory.</summary>
    private IReadOnlyList<ProfileText>? _applied;

    /// <summary>The profiles at start; throws <see cref="OrganisationProfileException"/> naming the profile and field.</summary>
    public OrganisationDirectory Load()
    {
        var texts = source.Read();
        var directory = OrganisationDirectory.Parse(texts, _sections);
        _applied = texts;
        return directory;
    }

    /// <summary>
    /// The profiles as the source now holds them, or null when they are unchanged, unreadable or invalid (logged by
    /// profile and field only: a message may quote a value, such as a person's name).
    /// </summary>
    public async Task<OrganisationDirectory?> ReloadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ProfileText> texts;
        try
        {
            texts = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OrganisationProfileException e)
        {
            LogRefused(logger, source.Description, e.Profile ?? "-", e.Field ?? "-");
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(logger, source.Description, e.GetType().Name);
            return null;
        }

        if (_applied is not null && texts.SequenceEqual(_applied))
        {
            return null;
        }

        try
        {
            var directory = OrganisationDirectory.Parse(texts, _sections);
            _applied = texts;
            LogApplied(logger, source.Description, directory.All.Count);
            return directory;
        }
        catch (OrganisationProfileException e)
        {
            LogRefused(logger, source.Description, e.Profile ?? "-", e.Field ?? "-");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation profiles changed in {Source}: now {Count} organisations")]
    private static partial void LogApplied(ILogger logger, string source, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Organisation profiles in {Source} refused (profile {Profile}, field {Field}); keeping the last valid profiles. `dotnet Trygg.Bot.dll profiles check` shows the whole message")]
    private static partial void LogRefused(ILogger logger, string source, string profile, string field);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organisation profiles could not be read from {Source} ({Error}); keeping the last valid profiles")]
    private static partial void LogUnreadable(ILogger logger, string source, string error);
}
