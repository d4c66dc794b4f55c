using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Cases.Rules;

namespace Trygg.Cases.Delivery;

/// <summary>The outbox rows each event creates, with their keys. One key per message, so a message is enqueued once.</summary>
internal static class OutboxRows
{
    public const string EscalationTimer = "escalation";
    public const string CardRefresh = "cards";

    /// <summary>
    /// A new report: its card to every recipient that can be reached in Teams (the channel, each person with an Entra
    /// id), and the escalation timer. An on-call contact without a Teams account is phoned by the member, not messaged.
    /// </summary>
    public static IEnumerable<OutboxEntity> ForNewCase(CaseFile file, RoutingDecision decision, string partitionKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(decision);
        foreach (var recipient in decision.Recipients.DistinctBy(r => r.Key))
        {
            if (ForRecipient(file, recipient, round: 0, partitionKey, now) is { } row)
            {
                yield return row;
            }
        }

        var timer = New(file, partitionKey, OutboxKind.Escalation, now, decision.EscalateAt, EscalationTimer);
        timer.Round = 1;
        yield return timer;
    }

    /// <summary>
    /// Escalation round <paramref name="round"/>: the case again in the channel, to each person on call and to the head
    /// of security (everyone in the head's group, <see cref="RoutingProfile.HeadsOfSecurity"/>), one row each so one
    /// unreachable person does not hold back the others.
    /// </summary>
    public static IEnumerable<OutboxEntity> ForEscalation(CaseFile file, RoutingProfile routing, int round, string partitionKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(routing);
        IEnumerable<Recipient> recipients =
        [
            new(RecipientRole.SecurityChannel, routing.SecurityChannel.Name, null),
            .. routing.OnCall.People.Select(p => new Recipient(RecipientRole.OnCall, routing.OnCall.Name, p)),
            .. routing.HeadsOfSecurity.Select(p => new Recipient(RecipientRole.HeadOfSecurity, p.Name, p)),
        ];

        // Someone both on call and at the head of security gets one message.
        foreach (var recipient in recipients.DistinctBy(r => r.Person?.AadObjectId ?? r.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (ForRecipient(file, recipient, round, partitionKey, now) is { } row)
            {
                row.OnlyWhileUnacknowledged = true;
                yield return row;
            }
        }
    }

    /// <summary>The Entra group a person row stands for (a role whose members were not known when the case was filed); null for a row to a person.</summary>
    public static string? GroupOf(OutboxEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.KindValue != OutboxKind.CaseToPerson || row.RecipientAadObjectId is not null)
        {
            return null;
        }

        var marker = $"{row.RecipientRole}:{Recipient.GroupKey}:";
        var last = row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..];
        return last.StartsWith(marker, StringComparison.Ordinal) ? last[marker.Length..] : null;
    }

    /// <summary>The case to one member of the group <paramref name="groupRow"/> stood for: the row a person named at filing would have had.</summary>
    public static OutboxEntity ForGroupMember(OutboxEntity groupRow, StaffPerson member, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(groupRow);
        ArgumentNullException.ThrowIfNull(member);
        var prefix = groupRow.Round == 0 ? [] : new[] { $"esc{groupRow.Round}" };
        var row = OutboxEntity.New(
            groupRow.PartitionKey,
            OutboxEntity.Key(groupRow.CaseNumber, [.. prefix, $"{groupRow.RecipientRole}:{member.AadObjectId}"]),
            groupRow.TenantId,
            groupRow.OrganisationId,
            groupRow.CaseNumber,
            OutboxKind.CaseToPerson,
            now);
        row.RecipientRole = groupRow.RecipientRole;
        row.RecipientAadObjectId = member.AadObjectId;
        row.RecipientName = member.Name;
        row.Round = groupRow.Round;
        return row;
    }

    /// <summary>The member hears that their case was acknowledged or closed (once each).</summary>
    public static OutboxEntity ReporterUpdate(CaseFile file, CaseStatus update, string partitionKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        var row = New(file, partitionKey, OutboxKind.ReporterUpdate, now, now, "reporter", update.ToString());
        row.Update = update.ToString();
        return row;
    }

    /// <summary>
    /// "Could not reach X": to the channel, or, when the channel itself failed, to the head of security in person
    /// (<see cref="OutboxEntity.RecipientAadObjectId"/> set; one row for each of <see cref="RoutingProfile.HeadsOfSecurity"/>).
    /// The notice's role and name are those of the failed recipient. None for a row that is itself a notice, timer or
    /// refresh (no notices about notices).
    /// </summary>
    public static IReadOnlyList<OutboxEntity> FailureNotices(OutboxEntity failed, RoutingProfile routing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(routing);
        // A meeting notice has no case to tell about; its failure is logged as an error.
        // The member's answer that did not reach a staff member goes on to the next person instead (MessageRows.AfterStaffFailed).
        if (failed.KindValue is OutboxKind.DeliveryFailedNotice or OutboxKind.Escalation or OutboxKind.CardRefresh or OutboxKind.TrainingReminder
            or OutboxKind.MeetingNoticeToChannel or OutboxKind.CaseMessageToStaff)
        {
            return [];
        }

        var suffix = failed.RowKey[(OutboxEntity.Key(failed.CaseNumber).Length + 1)..];
        OutboxEntity Notice(params string[] parts)
        {
            var row = OutboxEntity.New(
                failed.PartitionKey,
                OutboxEntity.Key(failed.CaseNumber, ["failed", suffix, .. parts]),
                failed.TenantId,
                failed.OrganisationId,
                failed.CaseNumber,
                OutboxKind.DeliveryFailedNotice,
                now);
            if (failed.KindValue is not (OutboxKind.ReporterUpdate or OutboxKind.CaseMessageToMember))
            {
                row.RecipientRole = failed.RecipientRole;
                row.RecipientName = failed.RecipientName;
            }

            row.LastError = failed.LastError;
            return row;
        }

        if (failed.KindValue != OutboxKind.CaseToChannel)
        {
            return [Notice()];
        }

        // The channel cannot tell itself: the head of security hears it in person.
        return [.. routing.HeadsOfSecurity.Select(head =>
        {
            var row = Notice(head.AadObjectId);
            row.RecipientAadObjectId = head.AadObjectId;
            return row;
        })];
    }

    /// <summary>A meeting notice to the security channel: one row per notice, in the notice's own partition and transaction.</summary>
    public static OutboxEntity ForMeetingNotice(string tenantId, string organisationId, string reference, string partitionKey, DateTimeOffset now)
    {
        var row = OutboxEntity.New(partitionKey, OutboxEntity.Key(reference, "channel"), tenantId, organisationId, reference, OutboxKind.MeetingNoticeToChannel, now);
        row.RecipientRole = nameof(RecipientRole.SecurityChannel);
        return row;
    }

    /// <summary>
    /// Each recipient of the case's first announcement with the state of its row: what the receipt and the case cards say
    /// instead of "sent to". Recipients without a row (an on-call contact the member phones) have no state.
    /// </summary>
    public static IReadOnlyList<RecipientDelivery> Deliveries(IEnumerable<CaseRecipient> recipients, IReadOnlyList<OutboxEntity> rows)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(rows);
        var announced = rows.Where(r => r.Round == 0 && r.KindValue is OutboxKind.CaseToChannel or OutboxKind.CaseToPerson).ToList();
        return [.. recipients.Select(r =>
        {
            var row = announced.FirstOrDefault(o => o.RecipientRole == r.Role.ToString() && string.Equals(o.RecipientName, r.Name, StringComparison.Ordinal));
            DeliveryState? state = row?.StateValue switch
            {
                OutboxState.Pending => DeliveryState.Waiting,
                OutboxState.Delivered => DeliveryState.Delivered,
                OutboxState.Failed => DeliveryState.NotDelivered,
                _ => null,
            };
            return new RecipientDelivery(r.Role, r.Name, state);
        })];
    }

    /// <summary>Re-render every posted card of the case.</summary>
    public static OutboxEntity Refresh(string partitionKey, string tenantId, string organisationId, string caseNumber, DateTimeOffset now) =>
        OutboxEntity.New(partitionKey, OutboxEntity.Key(caseNumber, CardRefresh), tenantId, organisationId, caseNumber, OutboxKind.CardRefresh, now);

    private static OutboxEntity? ForRecipient(CaseFile file, Recipient recipient, int round, string partitionKey, DateTimeOffset now)
    {
        var prefix = round == 0 ? [] : new[] { $"esc{round}" };
        if (recipient.Role == RecipientRole.SecurityChannel)
        {
            var channel = New(file, partitionKey, OutboxKind.CaseToChannel, now, now, [.. prefix, recipient.Key]);
            channel.RecipientRole = recipient.Role.ToString();
            channel.RecipientName = recipient.Name;
            channel.Round = round;
            return channel;
        }

        if (recipient.Person is null && recipient.Group is not null)
        {
            // Delivered by handing the case to each member once the group is read (GroupRecipients).
            var group = New(file, partitionKey, OutboxKind.CaseToPerson, now, now, [.. prefix, recipient.Key]);
            group.RecipientRole = recipient.Role.ToString();
            group.RecipientName = recipient.Name;
            group.Round = round;
            return group;
        }

        if (recipient.Person is not { } person || string.IsNullOrWhiteSpace(person.AadObjectId))
        {
            return null;
        }

        var row = New(file, partitionKey, OutboxKind.CaseToPerson, now, now, [.. prefix, recipient.Key]);
        row.RecipientRole = recipient.Role.ToString();
        row.RecipientAadObjectId = person.AadObjectId;
        row.RecipientName = person.Name;
        row.Round = round;
        return row;
    }

    private static OutboxEntity New(CaseFile file, string partitionKey, OutboxKind kind, DateTimeOffset now, DateTimeOffset dueAt, params string[] parts) =>
        OutboxEntity.New(partitionKey, OutboxEntity.Key(file.CaseNumber, parts), file.TenantId, file.OrganisationId, file.CaseNumber, kind, now, dueAt);
}
