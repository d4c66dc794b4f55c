using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Reporting;

/// <summary>
/// <see cref="IMeetingNoticeStore"/> on the <c>notices</c> table: the same partitioning and one-transaction
/// numbered submit as <see cref="TableIncidentStore"/>, with its own counter, so notice references and case
/// numbers are separate sequences.
/// </summary>
internal sealed class TableMeetingNoticeStore(ITables tables, TimeProvider time) : IMeetingNoticeStore
{
    internal const string TableName = "notices";

    private const string What = "meeting notice";

    public Task<(MeetingNotice Notice, bool Created)> SubmitAsync(
        string tenantId,
        string organisationId,
        string referencePrefix,
        int year,
        string submissionId,
        Func<string, MeetingNotice> create,
        CancellationToken cancellationToken) =>
        SubmitAsync(tenantId, organisationId, referencePrefix, year, submissionId, create, extraRows: null, cancellationToken);

    /// <summary>As <see cref="IMeetingNoticeStore.SubmitAsync"/>, plus <paramref name="extraRows"/> committed atomically with a new notice.</summary>
    internal async Task<(MeetingNotice Notice, bool Created)> SubmitAsync(
        string tenantId,
        string organisationId,
        string referencePrefix,
        int year,
        string submissionId,
        Func<string, MeetingNotice> create,
        ExtraRows<MeetingNotice>? extraRows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentException.ThrowIfNullOrWhiteSpace(referencePrefix);
        var partitionKey = ReportingKeys.Partition(tenantId, organisationId);
        var counterRowKey = ReportingKeys.NoticeCounter(year);
        var submissionRowKey = ReportingKeys.NoticeSubmission(submissionId);
        var table = await tables.GetAsync(TableName, cancellationToken);

        var submit = new NumberedSubmit<MeetingNotice>(
            table,
            partitionKey,
            counterRowKey,
            submissionRowKey,
            number => Build(CaseNumbers.Format(referencePrefix, year, number), tenantId, organisationId, partitionKey, create),
            (reference, token) => ReadAsync(table, partitionKey, reference, token),
            extraRows,
            What);
        return await NumberedSubmission.SubmitAsync(submit, time, cancellationToken);
    }

    /// <summary>The notice with <paramref name="reference"/>, or <c>null</c>.</summary>
    internal async Task<MeetingNotice?> GetAsync(string tenantId, string organisationId, string reference, CancellationToken cancellationToken)
    {
        var partitionKey = ReportingKeys.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(TableName, cancellationToken);
        return await ReadAsync(table, partitionKey, reference, cancellationToken);
    }

    private static NumberedItem<MeetingNotice> Build(
        string reference, string tenantId, string organisationId, string partitionKey, Func<string, MeetingNotice> create)
    {
        var notice = create(reference)
            ?? throw new InvalidOperationException("The meeting notice factory returned null.");
        if (!string.Equals(notice.Reference, reference, StringComparison.Ordinal)
            || !string.Equals(notice.TenantId, tenantId, StringComparison.Ordinal)
            || !string.Equals(notice.OrganisationId, organisationId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The meeting notice factory must use the reference, tenant and organisation it was given ({reference}).");
        }

        return new NumberedItem<MeetingNotice>(reference, notice, [MeetingNoticeEntity.From(notice, partitionKey)]);
    }

    private static async Task<MeetingNotice?> ReadAsync(TableClient table, string partitionKey, string reference, CancellationToken cancellationToken)
    {
        var read = await table.GetEntityIfExistsAsync<MeetingNoticeEntity>(partitionKey, ReportingKeys.Notice(reference), cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } entity ? entity.ToNotice() : null;
    }
}
