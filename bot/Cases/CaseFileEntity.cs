using Azure;
using Azure.Data.Tables;
using Trygg.Conversation.Turns;
using Trygg.Storage;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Cases;

/// <summary>
/// A <see cref="CaseFile"/> in the incidents table (RowKey <c>casefile|{caseNumber}</c>, the incident's partition).
/// Stamps are flat properties (readable in Storage Explorer); recipients and notes are JSON. Notes are report-adjacent
/// text: never logged.
/// </summary>
internal sealed class CaseFileEntity : TableRow
{
    public string TenantId { get; set; } = "";

    public string OrganisationId { get; set; } = "";

    public string CaseNumber { get; set; } = "";

    public string Priority { get; set; } = "";

    public bool OutOfHours { get; set; }

    public DateTimeOffset EscalateAt { get; set; }

    public string? ReporterConversationId { get; set; }

    public string ReporterLanguage { get; set; } = "";

    public string Recipients { get; set; } = "[]";

    public int EscalationRound { get; set; }

    public string? AcknowledgedByAad { get; set; }

    public string? AcknowledgedByName { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AssigneeAad { get; set; }

    public string? AssigneeName { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public string? ClosedByAad { get; set; }

    public string? ClosedByName { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? Outcome { get; set; }

    public string Notes { get; set; } = "[]";

    public static string Key(string caseNumber) => TableKeys.Compose("casefile", caseNumber);

    public static CaseFileEntity From(CaseFile file, string partitionKey) => new CaseFileEntity
    {
        PartitionKey = partitionKey,
        RowKey = Key(file.CaseNumber),
    }.Apply(file);

    /// <summary>Copies every field of <paramref name="file"/> onto this row (keys and ETag stay).</summary>
    public CaseFileEntity Apply(CaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        TenantId = file.TenantId;
        OrganisationId = file.OrganisationId;
        CaseNumber = file.CaseNumber;
        Priority = file.Priority.ToString();
        OutOfHours = file.OutOfHours;
        EscalateAt = file.EscalateAt;
        ReporterConversationId = file.ReporterConversationId;
        ReporterLanguage = file.ReporterLanguage.ToString();
        Recipients = TableJson.Serialize(file.Recipients, "case recipients");
        EscalationRound = file.EscalationRound;
        (AcknowledgedByAad, AcknowledgedByName, AcknowledgedAt) = Split(file.AcknowledgedBy);
        (AssigneeAad, AssigneeName, AssignedAt) = Split(file.Assignee);
        (ClosedByAad, ClosedByName, ClosedAt) = Split(file.ClosedBy);
        Outcome = file.Outcome;
        Notes = TableJson.Serialize(file.AllNotes, "case notes");
        return this;
    }

    public CaseFile ToRecord() => new(
        TenantId,
        OrganisationId,
        CaseNumber,
        Enum.Parse<Priority>(Priority),
        OutOfHours,
        EscalateAt,
        ReporterConversationId,
        Enum.Parse<Language>(ReporterLanguage),
        TableJson.Deserialize<List<CaseRecipient>>(Recipients, "case recipients"),
        EscalationRound,
        Join(AcknowledgedByAad, AcknowledgedByName, AcknowledgedAt),
        Join(AssigneeAad, AssigneeName, AssignedAt),
        Join(ClosedByAad, ClosedByName, ClosedAt),
        Outcome,
        TableJson.Deserialize<List<CaseNote>>(Notes, "case notes"));

    private static (string?, string?, DateTimeOffset?) Split(StaffStamp? stamp) => (stamp?.AadObjectId, stamp?.Name, stamp?.At);

    private static StaffStamp? Join(string? aad, string? name, DateTimeOffset? at) =>
        aad is null || at is null ? null : new StaffStamp(aad, name ?? string.Empty, at.Value);
}
