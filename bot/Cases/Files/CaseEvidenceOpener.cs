using System.Globalization;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Organisations;

namespace Trygg.Cases.Files;

/// <summary>
/// "Öppna" on an evidence file of the case details, for security staff that <see cref="CaseAccess"/> let through (the
/// same rule as the details; everyone else was refused and audited before this). The file goes to the staff member's
/// own 1:1 chat through Teams' file consent, never as a link, also when they pressed it in the security channel, where
/// only they see the answer. Every opening is audited with the file's id, never its name. The sender is registered by
/// Teams (file consent is protocol); a host of Cases without Teams gets the "could not send" answer instead.
/// </summary>
internal sealed partial class CaseEvidenceOpener(
    ICaseEvidence evidence,
    TableCaseStore cases,
    ILogger<CaseEvidenceOpener> logger,
    PrivateFileSender? files = null)
{
    /// <summary>Evidence ids are short hex strings; anything else is not a file of any case.</summary>
    private const int MaxIdLength = 64;

    public async Task OpenAsync(Turn turn, TurnReplies replies, Organisation organisation, Case @case, StaffPerson staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(staff);
        var t = CaseEvidenceTexts.For(turn.Language);
        var number = @case.File.CaseNumber;
        var id = turn.Action?.Get("evidence");
        var found = IsId(id)
            ? await evidence.ReadAsync(@case.File.TenantId, @case.File.OrganisationId, number, id!, cancellationToken)
            : null;
        if (found is not var (file, content))
        {
            replies.ShowText(turn, t.NotFound);
            return;
        }

        await cases.AuditAsync(
            turn.TenantId,
            organisation.Id,
            new AuditEntry(number, now, staff.AadObjectId, staff.Name, AuditAction.OpenedEvidence, Allowed: true, file.Id),
            cancellationToken);
        var description = string.Format(CultureInfo.InvariantCulture, t.Description, number);
        var sent = files is not null && await files.SendAsync(turn, organisation.Id, file.Name, file.ContentType, content, description, cancellationToken);
        LogOpened(number, sent);
        replies.ShowText(turn, sent ? t.Sent : t.Failed);
    }

    private static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(char.IsAsciiLetterOrDigit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber}: staff opened an evidence file, offered {Sent}")]
    private partial void LogOpened(string caseNumber, bool sent);
}
