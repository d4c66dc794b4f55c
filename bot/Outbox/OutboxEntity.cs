using Trygg.Storage;

namespace Trygg.Outbox;

/// <summary>
/// What an outbox row delivers. The names are stored in the rows; what each kind means is up to the
/// <see cref="IOutboxHandler"/> the owning feature registers for it.
/// </summary>
internal enum OutboxKind
{
    /// <summary>The case card as a new thread in the security channel (round &gt; 0: an escalation's re-announcement).</summary>
    CaseToChannel,

    /// <summary>The case card 1:1 to a person (party or local security officer, on-call, head of security).</summary>
    CaseToPerson,

    /// <summary>A short update to the member in their own chat (acknowledged, closed).</summary>
    ReporterUpdate,

    /// <summary>"A recipient could not be reached": to the security channel, or to the head of security when the channel itself failed.</summary>
    DeliveryFailedNotice,

    /// <summary>A timer: when due and the case is still unacknowledged, it enqueues the escalation's messages.</summary>
    Escalation,

    /// <summary>Re-render every posted card of the case (after a change whose immediate update failed).</summary>
    CardRefresh,

    /// <summary>
    /// A training reminder 1:1 to a member (step <see cref="OutboxEntity.Round"/> of a campaign's cycle). Lives in the
    /// reminders table, not with the cases; delivered by the training feature's <see cref="IOutboxHandler"/>.
    /// </summary>
    TrainingReminder,

    /// <summary>
    /// A private flow (a report, the profile, "mina rapporter") asked for in a group chat or channel, continued 1:1: a card
    /// with one button for <see cref="OutboxEntity.Verb"/>. Lives in the reminders table; no case, no content.
    /// </summary>
    PersonalChatHandover,

    /// <summary>
    /// Erasure or retention: replace one posted card (<see cref="OutboxEntity.ConversationId"/>, <see cref="OutboxEntity.ActivityId"/>)
    /// with "the details have been erased". Lives in the reminders table, keyed by no case; the place is forgotten once done.
    /// </summary>
    ErasedCard,

    /// <summary>
    /// A member's sensitive-meeting notice as a new thread in the security channel. Lives in the notices table, next to
    /// the notice and written in its transaction (<see cref="OutboxEntity.CaseNumber"/> holds the notice's reference);
    /// delivered by the reporting feature's <see cref="IOutboxHandler"/>.
    /// </summary>
    MeetingNoticeToChannel,

    /// <summary>
    /// A message from the security unit 1:1 to the member who reported, with "Svara" (<see cref="OutboxEntity.RowKey"/> ends
    /// with the message's id; the text is read from the case when sent). Lives with the case.
    /// </summary>
    CaseMessageToMember,

    /// <summary>The member's answer 1:1 to the staff member who wrote to them. Lives with the case, like the message.</summary>
    CaseMessageToStaff,
}

internal enum OutboxState
{
    Pending,
    Delivered,
    Failed,

    /// <summary>No longer needed (an escalation message for a case acknowledged meanwhile).</summary>
    Cancelled,
}

/// <summary>
/// One unit of delivery work. A case's row lives in the incidents table (RowKey <c>outbox|{caseNumber}|...</c>, the
/// incident's partition), so that it is written in the same transaction as the change that causes it (see
/// <see cref="OutboxTable"/>). The row holds no message content: cards are
/// rendered from the case when sent, so a late delivery still shows the truth.
/// </summary>
/// <remarks>
/// <see cref="DueAt"/> is the one time the dispatcher filters on: the next attempt, or, while a dispatcher holds the
/// lease, the end of that lease (so an abandoned row becomes due again when its lease runs out).
/// </remarks>
internal sealed class OutboxEntity : TableRow
{
    public const string RowPrefix = "outbox";

    public string TenantId { get; set; } = "";

    public string OrganisationId { get; set; } = "";

    public string CaseNumber { get; set; } = "";

    public string Kind { get; set; } = "";

    public string State { get; set; } = nameof(OutboxState.Pending);

    /// <summary>The recipient's role for case cards (a Cases.Rules.RecipientRole); the notice's subject role for notices.</summary>
    public string? RecipientRole { get; set; }

    public string? RecipientAadObjectId { get; set; }

    /// <summary>The recipient's display name: staff for the failure notice; for a training reminder the member (no report data).</summary>
    public string? RecipientName { get; set; }

    /// <summary>Escalation round of a case card or timer (0 = the first announcement); a training reminder's step (0 = the first).</summary>
    public int Round { get; set; }

    /// <summary>ReporterUpdate: the case status the member is told about.</summary>
    public string? Update { get; set; }

    /// <summary>Escalation messages are dropped when the case has been acknowledged before they go out.</summary>
    public bool OnlyWhileUnacknowledged { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Status and error codes of the last failure: never content.</summary>
    public string? LastError { get; set; }

    /// <summary>Set while Teams says the app is not installed and an install was asked for.</summary>
    public bool InstallRequested { get; set; }

    public string? ConversationId { get; set; }

    public string? ActivityId { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>TrainingReminder: the campaign id.</summary>
    public string? CampaignId { get; set; }

    /// <summary>TrainingReminder: the campaign's cycle ("2026-2030", "2027", "val-2030").</summary>
    public string? CycleKey { get; set; }

    /// <summary>TrainingReminder: the member's party and when they joined, as the scheduler knew them (for their first record).</summary>
    public string? MemberParty { get; set; }

    /// <inheritdoc cref="MemberParty"/>
    public DateTimeOffset? MemberJoinedAt { get; set; }

    /// <summary>PersonalChatHandover: the verb the member asked for, and the language to ask in ("sv", "en").</summary>
    public string? Verb { get; set; }

    /// <inheritdoc cref="Verb"/>
    public string? Language { get; set; }

    public OutboxKind KindValue => Enum.Parse<OutboxKind>(Kind);

    public OutboxState StateValue => Enum.Parse<OutboxState>(State);

    /// <summary>Row key of a case's outbox row: <c>outbox|{caseNumber}|{parts...}</c>.</summary>
    public static string Key(string caseNumber, params ReadOnlySpan<string> parts)
    {
        var all = new string[parts.Length + 2];
        all[0] = RowPrefix;
        all[1] = caseNumber;
        parts.CopyTo(all.AsSpan(2));
        return TableKeys.Compose(all);
    }

    /// <summary>[from, to) of every outbox row (all cases).</summary>
    public static (string From, string To) AllRange() => (RowPrefix + TableKeys.Separator, RowPrefix + (char)(TableKeys.Separator + 1));

    /// <summary>[from, to) of one case's outbox rows.</summary>
    public static (string From, string To) CaseRange(string caseNumber)
    {
        var prefix = TableKeys.Compose(RowPrefix, caseNumber) + TableKeys.Separator;
        return (prefix, prefix[..^1] + (char)(TableKeys.Separator + 1));
    }

    public static OutboxEntity New(string partitionKey, string rowKey, string tenantId, string organisationId, string caseNumber, OutboxKind kind, DateTimeOffset now, DateTimeOffset? dueAt = null) => new()
    {
        PartitionKey = partitionKey,
        RowKey = TableKeys.Validate(rowKey),
        TenantId = tenantId,
        OrganisationId = organisationId,
        CaseNumber = caseNumber,
        Kind = kind.ToString(),
        State = nameof(OutboxState.Pending),
        CreatedAt = now,
        DueAt = dueAt ?? now,
    };

    /// <summary>Short description for logs: kind, case and row key (no names, no content).</summary>
    public override string ToString() => $"{Kind} {CaseNumber} {RowKey}";
}
