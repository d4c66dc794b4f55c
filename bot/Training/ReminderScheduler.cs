using Microsoft.Extensions.Options;
using Trygg.Members;
using Trygg.Members.Directory;
using Trygg.Storage;
using Trygg.Hosting;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Cases.Rules;

namespace Trygg.Training;

/// <summary>
/// Plans training reminders: for every organisation's campaigns and every member in scope (member profiles and the
/// profile's Entra members group), asks the <see cref="ReminderPlanner"/> which step is due, and enqueues one outbox row
/// per step (key campaign|cycle|member|step, added only if absent) for the dispatcher to deliver.
/// </summary>
/// <remarks>
/// <para>Two instances: each run of an organisation is claimed for most of an interval, so one instance does the work;
/// should both plan, the row key lets only one row in, and the dispatcher's lease lets only one instance send it.</para>
/// <para>10,000 members cost per organisation and run: one profile scan, one group listing (Graph pages of 999), and per
/// campaign one scan of the records and one of the enqueued rows; new rows go in transactions of a hundred. Runs that
/// cannot reach a sending window (nights, weekends, holidays) do nothing.</para>
/// </remarks>
internal sealed partial class ReminderScheduler(
    IOrganisationDirectory organisations,
    IMemberProfileStore profiles,
    IDirectory directory,
    ITrainingRecords records,
    TableOutboxStore outbox,
    OutboxSignal signal,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    private bool _directoryMissingLogged;

    /// <summary>Who holds an organisation's run: this process.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
        {
            return;
        }

        var startedAt = time.GetUtcNow();
        LogStarted(options.Value.SchedulerInterval, startedAt);

        await Periodically.RunAsync(
            RunOnceAsync, options.Value.SchedulerInterval, time, e => LogRunFailed(e.GetType().Name, e), stoppingToken);
    }

    /// <summary>One run over every organisation this instance can claim. Returns how many reminders it enqueued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var interval = options.Value.SchedulerInterval;
        var horizon = now + interval;
        if (ReminderPlanner.NextOpening(now) > horizon)
        {
            return 0; // night, weekend or holiday: nothing can be due before the next run
        }

        var enqueued = 0;
        foreach (var organisation in organisations.All.Where(o => o.Training.Count > 0))
        {
            if (!await outbox.TryClaimJobAsync($"reminders|{organisation.Id}", InstanceId, now, now + (interval * 0.8), cancellationToken))
            {
                continue;
            }

            enqueued += await PlanAsync(organisation, now, horizon, cancellationToken);
        }

        if (enqueued > 0)
        {
            signal.Nudge();
        }

        return enqueued;
    }

    /// <summary>Enqueues the organisation's reminders due by <paramref name="horizon"/> (no claim: the caller holds it).</summary>
    internal async Task<int> PlanAsync(Organisation organisation, DateTimeOffset now, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(organisation, cancellationToken);
        var rows = new List<OutboxEntity>();
        foreach (var campaign in organisation.Training)
        {
            if (ReminderPlanner.CycleAt(campaign, now, DateTimeOffset.MinValue) is not { } cycle)
            {
                continue;
            }

            foreach (var tenant in members.Where(m => ReminderPlanner.Applies(campaign, m.Role)).GroupBy(m => m.TenantId, StringComparer.OrdinalIgnoreCase))
            {
                var partition = Partition(tenant.Key, organisation.Id, campaign.Id, cycle.Key);
                var enqueued = (await outbox.ListRemindersAsync(partition, cancellationToken)).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
                var stored = (await records.ListAsync(tenant.Key, organisation.Id, campaign.Id, cycle.Key, cancellationToken))
                    .ToDictionary(r => r.Key.MemberId, StringComparer.OrdinalIgnoreCase);
                foreach (var member in tenant)
                {
                    var record = stored.GetValueOrDefault(member.UserId);
                    var next = ReminderPlanner.Next(
                        campaign, member.Role, record?.JoinedAt ?? member.JoinedAt, record?.State ?? new ReminderState(false, 0, null), now, member.UserId);
                    if (next is null || next.Cycle.Key != cycle.Key || next.DueAt > horizon)
                    {
                        continue;
                    }

                    var rowKey = RowKey(member.UserId, next.Step);
                    if (enqueued.TryGetValue(rowKey, out var existing))
                    {
                        if (existing.StateValue == OutboxState.Delivered)
                        {
                            // Sent, but the record missed it (storage failed right after the send): catch the record up
                            // instead of planning the same step again.
                            await CatchUpAsync(new TrainingRecordKey(tenant.Key, organisation.Id, campaign.Id, cycle.Key, member.UserId), member, next, existing, cancellationToken);
                        }

                        continue;
                    }

                    rows.Add(Row(partition, rowKey, tenant.Key, organisation.Id, campaign, cycle, member, next, now));
                }
            }
        }

        var added = rows.Count == 0 ? 0 : await outbox.AddRemindersIfMissingAsync(rows, cancellationToken);
        if (added > 0)
        {
            LogEnqueued(organisation.Id, added);
        }

        return added;
    }

    internal static string Partition(string tenantId, string organisationId, string campaignId, string cycleKey) =>
        TableKeys.Compose(tenantId, organisationId, campaignId, cycleKey);

    internal static string RowKey(string memberId, int step) =>
        TableKeys.Compose(memberId, step.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static OutboxEntity Row(
        string partition, string rowKey, string tenantId, string organisationId, TrainingCampaign campaign, CampaignCycle cycle, ScopeMember member, PlannedReminder next, DateTimeOffset now)
    {
        var row = OutboxEntity.New(partition, rowKey, tenantId, organisationId, campaign.Id, OutboxKind.TrainingReminder, now, next.DueAt);
        row.Round = next.Step;
        row.RecipientAadObjectId = member.UserId;
        row.RecipientName = member.Name;
        row.RecipientRole = member.Role.ToString();
        row.CampaignId = campaign.Id;
        row.CycleKey = cycle.Key;
        row.MemberParty = member.Party;
        row.MemberJoinedAt = member.JoinedAt == DateTimeOffset.MinValue ? null : member.JoinedAt;
        return row;
    }

    private async Task CatchUpAsync(TrainingRecordKey key, ScopeMember member, PlannedReminder next, OutboxEntity sent, CancellationToken cancellationToken)
    {
        var at = sent.DoneAt ?? time.GetUtcNow();
        await records.UpdateAsync(
            key,
            r => (r ?? TrainingRecord.New(key, member.Name, member.Party, member.Role, next.Cycle.Opens)) is var current && current.RemindersSent > next.Step
                ? null
                : current with { RemindersSent = next.Step + 1, LastRemindedAt = at, SnoozedUntil = null },
            cancellationToken);
    }

    /// <summary>The organisation's member profiles, and the members group's people who have none (as leisure politicians).</summary>
    private async Task<List<ScopeMember>> MembersAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var members = (await profiles.ListAsync(organisation.Id, cancellationToken))
            .Select(p => new ScopeMember(p.Key.TenantId, p.Key.UserId, p.Profile.Name, p.Profile.Party, p.Profile.Role, p.Profile.UpdatedAt))
            .ToList();
        if (organisation.Routing.MembersGroupId is not { } group)
        {
            return members;
        }

        var tenants = members.Select(m => m.TenantId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var tenant = options.Value.TenantId is { Length: > 0 } configured ? configured : tenants.Count == 1 ? tenants[0] : null;
        if (tenant is null)
        {
            LogNoTenant(organisation.Id);
            return members;
        }

        var known = members.Select(m => (m.TenantId.ToUpperInvariant(), m.UserId.ToUpperInvariant())).ToHashSet();
        try
        {
            await foreach (var user in directory.ListGroupMembersAsync(tenant, group, cancellationToken))
            {
                // No profile: a member of the group who never told the bot their role. They get what all members get.
                if (known.Add((tenant.ToUpperInvariant(), user.Id.ToUpperInvariant())))
                {
                    members.Add(new ScopeMember(tenant, user.Id, user.DisplayName, null, MemberRole.Fritidspolitiker, DateTimeOffset.MinValue));
                }
            }
        }
        catch (DirectoryException e) when (e.NotConfigured)
        {
            if (!_directoryMissingLogged)
            {
                _directoryMissingLogged = true;
                LogNoDirectory(organisation.Id);
            }
        }
        catch (DirectoryException e)
        {
            LogGroupFailed(organisation.Id, e.Message);
        }

        return members;
    }

    /// <param name="JoinedAt">When the member's reminders may start at the earliest: their profile's date, or never-limiting for the group's people.</param>
    private sealed record ScopeMember(string TenantId, string UserId, string Name, string? Party, MemberRole Role, DateTimeOffset JoinedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training reminders: planned every {Interval}; the bot's clock says {Now:O}")]
    private partial void LogStarted(TimeSpan interval, DateTimeOffset now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training reminders: {Count} enqueued for {OrganisationId}")]
    private partial void LogEnqueued(string organisationId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training reminder run failed ({ErrorType}); the next run tries again")]
    private partial void LogRunFailed(string errorType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training reminders for {OrganisationId}: the members group is not read because no tenant is known (set Training:TenantId or Bot:TenantId)")]
    private partial void LogNoTenant(string organisationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training reminders for {OrganisationId}: the members group is not read because Microsoft Graph is not configured; members with a profile are reminded")]
    private partial void LogNoDirectory(string organisationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training reminders for {OrganisationId}: reading the members group failed ({Reason}); members with a profile are reminded")]
    private partial void LogGroupFailed(string organisationId, string reason);
}
