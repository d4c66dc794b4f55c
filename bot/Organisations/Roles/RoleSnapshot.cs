using System.Collections.Concurrent;
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
                // The profile as read now (it may just have changed) with each group's members as last read.
                resolved.Add(profile.Routing.Groups.All.All(_lastGood.ContainsKey)
                    ? await ResolveAsync(profile, cancellationToken, lastGoodOnly: true).ConfigureAwait(false)
                    : Current.Find(profile.Id) ?? profile);
            }
        }

        _current = new OrganisationDirectory(resolved);
    }

    /// <summary>Organisation id -> when its role groups were last read in full.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _readAt = new(StringComparer.Ordinal);

    /// <summary>Each group's members as last read in full, so a profile changed while the directory fails gets them.</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<StaffPerson>> _lastGood = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ages count from here for an organisation whose groups were never read.</summary>
    private readonly DateTimeOffset _created = time.GetUtcNow();

    /// <summary>True when the organisation's roles are known: it names no groups, or they have been read at least once.</summary>
    public bool RolesRead(string organisationId) =>
        _readAt.ContainsKey(organisationId) || Find(organisationId) is { } organisation && !organisation.Routing.Groups.All.Any();

    /// <summary>
    /// The organisations whose role groups have not been read for longer than <see cref="OrganisationsOptions.RoleMaxAge"/>
    /// (counted from start when never): they are served from their last good roles, which may name someone who has
    /// since left the group.
    /// </summary>
    internal IReadOnlyList<string> StaleOrganisations()
    {
        var now = time.GetUtcNow();
        return [.. All.Where(o => o.Routing.Groups.All.Any() && Age(o.Id, now) > options.Value.RoleMaxAge).Select(o => o.Id)];
    }

    private TimeSpan Age(string organisationId, DateTimeOffset now) => now - _readAt.GetValueOrDefault(organisationId, _created);

    private async Task<Organisation> ResolveAsync(Organisation profile, CancellationToken cancellationToken, bool lastGoodOnly = false)
    {
        // Logged before every read while the roles are too old, so a directory that keeps failing warns on each refresh.
        var age = Age(profile.Id, time.GetUtcNow());
        if (!lastGoodOnly && age > options.Value.RoleMaxAge)
        {
            LogRolesStale(logger, profile.Id, age.TotalHours, options.Value.RoleMaxAge.TotalHours);
        }

        var routing = profile.Routing;
        var groupsOf = routing.Groups;

        // A group named for several roles or bodies (one local officer for four boards) is read once per refresh.
        var read = new Dictionary<string, IReadOnlyList<StaffPerson>>(StringComparer.OrdinalIgnoreCase);
        async Task<IReadOnlyList<StaffPerson>> MembersAsync(string? group)
        {
            if (group is null)
            {
                return [];
            }

            if (!read.TryGetValue(group, out var members))
            {
                members = lastGoodOnly ? _lastGood[group] : await groups.ListUsersAsync(group, cancellationToken).ConfigureAwait(false);
                read.Add(group, members);
            }

            return members;
        }

        var staff = RolePeople.Union(routing.SecurityStaff, await MembersAsync(groupsOf.SecurityStaff).ConfigureAwait(false));
        var administrators = RolePeople.Union(routing.Administrators, await MembersAsync(groupsOf.Administrators).ConfigureAwait(false));
        var parties = new List<PartySecurity>(routing.PartySecurity.Count);
        foreach (var party in routing.PartySecurity)
        {
            var members = await MembersAsync(groupsOf.PartyOfficers?.GetValueOrDefault(party.Party)).ConfigureAwait(false);
            parties.Add(party with { Officers = RolePeople.Union(party.Officers, members) });
        }

        var local = new Dictionary<string, IReadOnlyList<StaffPerson>>(StringComparer.Ordinal);
        foreach (var (body, group) in groupsOf.LocalOfficers ?? new Dictionary<string, string>())
        {
            local.Add(body, await MembersAsync(group).ConfigureAwait(false));
        }

        // Every group is read before the read counts as good: a failing on-call group must not look fresh.
        var onCall = await MembersAsync(groupsOf.OnCall).ConfigureAwait(false);
        var heads = await MembersAsync(groupsOf.HeadOfSecurity).ConfigureAwait(false);
        if (!lastGoodOnly)
        {
            _readAt[profile.Id] = time.GetUtcNow();
            foreach (var (group, members) in read)
            {
                _lastGood[group] = members;
            }
        }

        return profile with
        {
            Routing = routing with
            {
                SecurityStaff = staff,
                Administrators = administrators,
                PartySecurity = parties,
                OnCall = routing.OnCall with { GroupMembers = onCall },
                HeadOfSecurityGroupMembers = heads,
                LocalOfficerGroupMembers = local,
            },
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The role groups were not read within {Seconds} s of start; starting with the profiles as written and reading them in the background")]
    private static partial void LogFirstReadSlow(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The role groups of organisation {OrganisationId} were last read {Hours:0.#} h ago, more than Organisations:RoleMaxAge ({MaxHours:0.#} h); its last good roles are still served")]
    private static partial void LogRolesStale(ILogger logger, string organisationId, double hours, double maxHours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the role groups of organisation {OrganisationId} failed ({Error}); keeping its last good roles")]
    private static partial void LogKeptLastRoles(ILogger logger, string organisationId, string error);
}
