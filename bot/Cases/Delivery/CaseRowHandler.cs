using Azure.Data.Tables;
using Trygg.Cases.Messages;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Cases.Delivery;

/// <summary>
/// The outbox rows of a case that carry a message (<see cref="Kinds"/>): delivered by <see cref="OutboxDeliverer"/>; when a
/// case card or a reporter's update fails for good, the security unit is told in the same transaction
/// (<see cref="OutboxRows.FailureNotices"/>) and the case's posted cards are re-rendered to say whom Teams could not reach.
/// </summary>
internal sealed class CaseRowHandler(
    OutboxKind kind,
    OutboxDeliverer deliverer,
    GroupRecipients groups,
    IOrganisationDirectory organisations,
    TableOutboxStore store) : IOutboxHandler
{
    /// <summary>The kinds this handler serves, one instance each.</summary>
    public static readonly OutboxKind[] Kinds =
        [OutboxKind.CaseToChannel, OutboxKind.CaseToPerson, OutboxKind.ReporterUpdate, OutboxKind.DeliveryFailedNotice, OutboxKind.CardRefresh,
        OutboxKind.CaseMessageToMember, OutboxKind.CaseMessageToStaff];

    public OutboxKind Kind => kind;

    public Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken) =>
        OutboxRows.GroupOf(row) is { } group
            ? groups.DeliverAsync(row, group, cancellationToken)
            : deliverer.DeliverAsync(row, cancellationToken);

    public IReadOnlyList<ITableEntity> FailureRows(OutboxEntity failed, DateTimeOffset now) =>
        failed.KindValue == OutboxKind.CaseMessageToStaff ? MessageRows.AfterStaffFailed(failed, now)
        : organisations.Find(failed.OrganisationId) is { } organisation ? OutboxRows.FailureNotices(failed, organisation.Routing, now)
        : [];

    /// <summary>
    /// A case card that did not reach its recipient: the case's posted cards are re-rendered, so the channel card says whom
    /// Teams could not reach instead of keeping quiet behind "sent to".
    /// </summary>
    public async Task AfterFailureAsync(OutboxEntity failed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (failed.KindValue is OutboxKind.CaseToChannel or OutboxKind.CaseToPerson)
        {
            await store.RequestAsync(OutboxRows.Refresh(failed.PartitionKey, failed.TenantId, failed.OrganisationId, failed.CaseNumber, now), cancellationToken);
        }
    }
}
