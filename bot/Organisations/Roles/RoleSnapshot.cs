using Microsoft.Extensions.Options;
using Trygg.Organisations.Sources;

namespace Trygg.Organisations.Roles;

/// <summary>
/// The organisations with the roles their profiles name by Entra group filled in from the directory, so staff changes
/// need no deploy while <see cref="Staff"/>, <see cref="StaffAccess"/>, routing and delivery keep working on people.
/// Read once while the host starts (a fresh instance can deliver at once) and every
/// <see cref="OrganisationsOptions.RoleRefresh"/> after; when the directory fails, the last good roles stay. With a
/// <see cref="ProfileReader"/> (the host's) the profiles themselves are read again on the same refresh, so a profile
/// changed in its source applies on every instance within one refresh.
/// </summary>
internal sealed partial class RoleSnapshot(
    OrganisationDirectory profiles,
    IGroupMembers groups,
    IOptions<OrganisationsOptions> options,
    TimeProvider time,
    ILogger<RoleSnapshot> logger,
    ProfileReader? reader = null) : BackgroundService, IOrganisationDirectory
{
    private volatile OrganisationDirectory? _current;

    /// <summary>The last valid profiles as written, before their groups are read.</summary>
    private volatile OrganisationDirectory _profiles = profiles;

    /// <summary>The profiles as written until the first read of the groups ends.</summary>
    private OrganisationDirectory Current => _current ?? _profiles;

    public IReadOnlyList<Organisation> All => Current.All;

    public Organisation? Find(string id) => Current.Find(id);

    /// <summary>
    /// How long the start waits for the first read of the groups. The web server and the outbox start after this
    /// service, so a directory that hangs must not hold back members' turns and pending alerts; past this the bot
    /// starts with the profiles as written and reads the groups in the background.
    /// </summary>
    internal static readonly TimeSpan FirstReadLimit = TimeSpan.FromSeconds(15);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(FirstReadLimit, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await RefreshAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFirstReadSlow(logger, FirstReadLimit.TotalSeconds);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_current is null)
        {
            await RefreshAsync(stoppingToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(options.Value.RoleRefresh, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the profiles (when they changed and are valid) and every group once more; an organisation whose group cannot
    /// be read keeps the roles it had.
    /// </summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (reader is not null && await reader.ReloadAsync(cancellationToken).ConfigureAwait(false) is { } changed)
        {
            _profiles = changed;
        }

        var written = _profiles;
        var resolved = new List<Organisation>(written.All.Count);
        foreach (var profile in written.All)
        {
            if (!profile.Routing.Groups.All.Any())
            {
                resolved.Add(profile);
                continue;
            }

            try
            {
                resolved.Add(await ResolveAsync(profile, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogKeptLastRoles(logger, profile.Id, e.GetType().Name);
                resolved.Add(Current.Find(profile.Id) ?? profile);
            }
        }

        _current = new OrganisationDirectory(resolved);
    }

    private async Task<Organisation> ResolveAsync(Organisation profile, CancellationToken cancellationToken)
    {
        var routing = profile.Routing;
        var groupsOf = routing.Groups;
        var staff = groupsOf.SecurityStaff is { } staffGroup
            ? Union(routing.SecurityStaff, await groups.ListUsersAsync(staffGroup, cancellationToken).ConfigureAwait(false))
            : routing.SecurityStaff;
        var administrators = groupsOf.Administrators is { } adminGroup
            ? Union(routing.Administrators, await groups.ListUsersAsync(adminGroup, cancellationToken).ConfigureAwait(false))
            : routing.Administrators;
        var parties = new List<PartySecurity>(routing.PartySecurity.Count);
        foreach (var party in routing.PartySecurity)
        {
            parties.Add(groupsOf.PartyOfficers?.GetValueOrDefault(party.Party) is { } partyGroup
                ? party with { Officers = Union(party.Officers, await groups.ListUsersAsync(partyGroup, cancellationToken).ConfigureAwait(false)) }
                : party);
        }

        return profile with { Routing = routing with { SecurityStaff = staff, Administrators = administrators, PartySecurity = parties } };
    }

    /// <summary>The people the profile lists, then the group's, each once.</summary>
    private static List<StaffPerson> Union(IReadOnlyList<StaffPerson> listed, IReadOnlyList<StaffPerson> members) =>
        [.. listed.Concat(members).DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The role groups were not read within {Seconds} s of start; starting with the profiles as written and reading them in the background")]
    private static partial void LogFirstReadSlow(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the role groups of organisation {OrganisationId} failed ({Error}); keeping its last good roles")]
    private static partial void LogKeptLastRoles(ILogger logger, string organisationId, string error);
}
