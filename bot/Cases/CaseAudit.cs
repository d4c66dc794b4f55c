using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Cases;

/// <summary>What someone did or tried to do with a case.</summary>
public enum AuditAction
{
    ViewedDetails,
    Acknowledged,
    Took,
    Assigned,
    Noted,
    Closed,
    Escalated,

    /// <summary>Asked for the need-to-know summary (audited only when refused).</summary>
    ViewedSummary,

    /// <summary>Recorded that a police report was filed (detail: by whom).</summary>
    PoliceReportRecorded,
    /// <summary>Wrote to the member who reported (Cases/Messages); the line never holds the text.</summary>
    WroteToMember,

    /// <summary>Opened one of the member's evidence files (detail: the file's id, never its name).</summary>
    OpenedEvidence,
}

/// <summary>
/// One line of a case's audit trail: who (Entra object id and display name), what, when, and whether it was allowed.
/// Never report text: a note is stored with the case, its audit line only says that a note was added.
/// </summary>
/// <param name="Detail">A fact about the action that is not report content (e.g. the assignee's name).</param>
public sealed record AuditEntry(
    string CaseNumber,
    DateTimeOffset At,
    string ActorAadObjectId,
    string ActorName,
    AuditAction Action,
    bool Allowed,
    string? Detail = null);

/// <summary>An <see cref="AuditEntry"/> in the incidents table: RowKey <c>audit|{caseNumber}|{ticks}|{unique}</c>, oldest first.</summary>
internal sealed class AuditEntity : TableRow
{
    public string CaseNumber { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string ActorAadObjectId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string Action { get; set; } = "";

    public bool Allowed { get; set; }

    public string? Detail { get; set; }

    public static AuditEntity From(AuditEntry entry, string partitionKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = TableKeys.Compose(
            "audit",
            entry.CaseNumber,
            entry.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture),
            Guid.NewGuid().ToString("N")[..8]),
        CaseNumber = entry.CaseNumber,
        At = entry.At,
        ActorAadObjectId = entry.ActorAadObjectId,
        ActorName = entry.ActorName,
        Action = entry.Action.ToString(),
        Allowed = entry.Allowed,
        Detail = entry.Detail,
    };

    public AuditEntry ToRecord() => new(CaseNumber, At, ActorAadObjectId, ActorName, Enum.Parse<AuditAction>(Action), Allowed, Detail);

    /// <summary>[from, to) of one case's audit rows.</summary>
    public static (string From, string To) Range(string caseNumber)
    {
        var prefix = TableKeys.Compose("audit", caseNumber) + TableKeys.Separator;
        return (prefix, prefix[..^1] + (char)(TableKeys.Separator + 1));
    }
}
