using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Cases;

/// <summary>
/// One line of a reporter's "Mina rapporter" (RowKey <c>member|{reporterId}|{invertedTicks}|{caseNumber}</c>): a
/// projection of the incident row without any report text, written in the same transaction as that row.
/// </summary>
internal sealed class ReporterIncidentEntity : TableRow
{
    public string CaseNumber { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public static ReporterIncidentEntity From(IncidentEntity incident) => new()
    {
        PartitionKey = incident.PartitionKey,
        RowKey = incident.ReporterRowKey,
        CaseNumber = incident.CaseNumber,
        Kind = incident.Kind,
        Status = incident.Status,
        SubmittedAt = incident.SubmittedAt,
    };

    public IncidentSummary ToSummary() =>
        new(CaseNumber, SubmittedAt, Enum.Parse<IncidentKind>(Kind), Enum.Parse<IncidentStatus>(Status));
}
