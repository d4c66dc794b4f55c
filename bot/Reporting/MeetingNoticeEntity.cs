using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Reporting;

/// <summary>A meeting notice (RowKey <c>notice|{reference}</c>), every field an explicit property.</summary>
internal sealed class MeetingNoticeEntity : TableRow
{
    public string Reference { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string OrganisationId { get; set; } = "";

    public string ReporterId { get; set; } = "";

    public string ReporterName { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset MeetingAt { get; set; }

    public string Body { get; set; } = "";

    public string Topic { get; set; } = "";

    public string Reason { get; set; } = "";

    public string ExpectedAudience { get; set; } = "";

    public static MeetingNoticeEntity From(MeetingNotice notice, string partitionKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = NoticeKeys.Notice(notice.Reference),
        Reference = notice.Reference,
        TenantId = notice.TenantId,
        OrganisationId = notice.OrganisationId,
        ReporterId = notice.ReporterId,
        ReporterName = notice.ReporterName,
        SubmittedAt = notice.SubmittedAt,
        MeetingAt = notice.MeetingAt,
        Body = Fits(notice.Body, nameof(MeetingNotice.Body)),
        Topic = Fits(notice.Topic, nameof(MeetingNotice.Topic)),
        Reason = Fits(notice.Reason, nameof(MeetingNotice.Reason)),
        ExpectedAudience = Fits(notice.ExpectedAudience, nameof(MeetingNotice.ExpectedAudience)),
    };

    public MeetingNotice ToNotice() => new(
        Reference, OrganisationId, TenantId, ReporterId, ReporterName, SubmittedAt, MeetingAt, Body, Topic, Reason, ExpectedAudience);

    private static string Fits(string value, string field) =>
        value is null || value.Length <= TableJson.MaxPropertyLength
            ? value ?? ""
            : throw new InvalidOperationException(
                $"The meeting notice's {field} is {value.Length} characters; at most {TableJson.MaxPropertyLength} fit in a table property.");
}
