using Trygg.Cases.Rules;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Cases.Delivery;

/// <summary>
/// Delivers a case row that stands for a role's Entra group (<see cref="OutboxRows.GroupOf"/>): a report filed before the
/// organisation's role groups were first read, when nobody in the role was known. The row is retried with the outbox's
/// backoff until the groups have been read, then hands the case to each member in a row of their own (added only if
/// absent, so a second attempt adds nobody twice) and is done. If the groups are never read, the row fails after its
/// last attempt and the channel is told whom the case did not reach, as for any other recipient.
/// </summary>
internal sealed partial class GroupRecipients(
    IOrganisationDirectory organisations,
    TableOutboxStore store,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<GroupRecipients> logger)
{
    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, string group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (organisations.Find(row.OrganisationId) is not { } organisation)
        {
            return new DeliveryOutcome.Failed("the organisation is no longer in the profiles");
        }

        if (!organisations.RolesRead(organisation.Id))
        {
            return new DeliveryOutcome.Retry("the organisation's role groups have not been read yet");
        }

        if (!Enum.TryParse<RecipientRole>(row.RecipientRole, out var role))
        {
            return new DeliveryOutcome.Failed("the row names no recipient role");
        }

        var members = RoutingRules.MembersOf(organisation, role, group);
        var now = time.GetUtcNow();
        foreach (var member in members)
        {
            await store.AddIfMissingAsync(OutboxRows.ForGroupMember(row, member, now), cancellationToken);
        }

        LogHandedToMembers(row.CaseNumber, row.RecipientRole!, members.Count);
        if (members.Count == 0)
        {
            return new DeliveryOutcome.Cancelled("the role's group has no members");
        }

        signal.Nudge();
        return new DeliveryOutcome.Sent(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber}: the {Role} group was read; the case goes to its {Count} members")]
    private partial void LogHandedToMembers(string caseNumber, string role, int count);
}
