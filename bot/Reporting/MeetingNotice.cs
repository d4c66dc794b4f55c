
namespace Trygg.Reporting;

/// <summary>
/// A member tells the security unit, ahead of time, about a meeting or decision that may provoke strong
/// reactions (Göteborg, Alingsås routines).
/// </summary>
public sealed record MeetingNotice(
    string Reference,
    string OrganisationId,
    string TenantId,
    string ReporterId,
    string ReporterName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset MeetingAt,
    string Body,
    string Topic,
    string Reason,
    string ExpectedAudience);

public interface IMeetingNoticeStore
{
    /// <summary>
    /// Stores a notice exactly once per <paramref name="submissionId"/>, with a reference number from its own
    /// per-organisation, per-year sequence (never reused).
    /// <paramref name="create"/> may run more than once when concurrent submits race for a number: keep it free of side effects.
    /// </summary>
    Task<(MeetingNotice Notice, bool Created)> SubmitAsync(
        string tenantId,
        string organisationId,
        string referencePrefix,
        int year,
        string submissionId,
        Func<string, MeetingNotice> create,
        CancellationToken cancellationToken);
}
