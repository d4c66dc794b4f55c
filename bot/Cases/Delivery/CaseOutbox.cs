using Trygg.Outbox;

namespace Trygg.Cases.Delivery;

/// <summary>Where a case's outbox rows live: in the incidents table, in the case's partition.</summary>
internal static class CaseOutbox
{
    /// <summary>Due rows are read from the incidents table before any other (a threat waits behind nothing).</summary>
    public const int TableOrder = 0;

    /// <summary>The case's outbox rows (for its posted cards), in key order.</summary>
    public static Task<IReadOnlyList<OutboxEntity>> ListForCaseAsync(this TableOutboxStore store, string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ListForCaseAsync(OutboxKind.CaseToChannel, CaseKeys.Partition(tenantId, organisationId), caseNumber, cancellationToken);
    }
}
