using Trygg.Cases;
using Trygg.Storage;

namespace Trygg.Reporting;

/// <summary>
/// <see cref="IMeetingNoticeStore"/> on the <c>notices</c> table: the same partitioning, reference format and
/// one-transaction numbered submit as the incidents (<see cref="NumberedSubmissions{T, TEntity}"/>), with its own
/// counter, so notice references and case numbers are separate sequences.
/// </summary>
internal sealed class TableMeetingNoticeStore(ITables tables, TimeProvider time) : IMeetingNoticeStore
{
    internal const string TableName = "notices";

    private static readonly NumberedKind<MeetingNotice, MeetingNoticeEntity> Kind = new(
        TableName,
        "meeting notice",
        CaseKeys.Partition,
        NoticeKeys.Notice,
        entity => entity.ToNotice(),
        notice => new NumberedIdentity(notice.Reference, notice.TenantId, notice.OrganisationId),
        (notice, partitionKey) => [MeetingNoticeEntity.From(notice, partitionKey)]);

    private readonly NumberedSubmissions<MeetingNotice, MeetingNoticeEntity> notices = new(tables, time, Kind);

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
    internal Task<(MeetingNotice Notice, bool Created)> SubmitAsync(
        string tenantId,
        string organisationId,
        string referencePrefix,
        int year,
        string submissionId,
        Func<string, MeetingNotice> create,
        ExtraRows<MeetingNotice>? extraRows,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referencePrefix);
        return notices.SubmitAsync(
            tenantId,
            organisationId,
            NoticeKeys.Counter(year),
            NoticeKeys.Submission(submissionId),
            number => CaseNumbers.Format(referencePrefix, year, number),
            create,
            extraRows,
            cancellationToken);
    }

    /// <summary>The notice with <paramref name="reference"/>, or <c>null</c>.</summary>
    internal Task<MeetingNotice?> GetAsync(string tenantId, string organisationId, string reference, CancellationToken cancellationToken) =>
        notices.GetAsync(tenantId, organisationId, reference, cancellationToken);
}
