using Trygg.Outbox;

namespace Trygg.Cases.Messages;

/// <summary>The outbox rows that carry a case's messages: one per message and recipient, keyed by the message's id.</summary>
internal static class MessageRows
{
    public static readonly OutboxKind[] Kinds = [OutboxKind.CaseMessageToMember, OutboxKind.CaseMessageToStaff];

    private const string ToMemberPart = "msg";
    private const string ToStaffPart = "reply";

    public static OutboxEntity ToMember(CaseFile file, string messageId, string partitionKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        return OutboxEntity.New(partitionKey, OutboxEntity.Key(file.CaseNumber, ToMemberPart, messageId), file.TenantId, file.OrganisationId, file.CaseNumber, OutboxKind.CaseMessageToMember, now);
    }

    public static OutboxEntity ToStaff(CaseFile file, string messageId, string staffAadObjectId, string partitionKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        var row = OutboxEntity.New(partitionKey, OutboxEntity.Key(file.CaseNumber, ToStaffPart, messageId), file.TenantId, file.OrganisationId, file.CaseNumber, OutboxKind.CaseMessageToStaff, now);
        row.RecipientAadObjectId = staffAadObjectId;
        return row;
    }

    /// <summary>The id of the message a row carries: the last part of its key.</summary>
    public static string MessageIdOf(OutboxEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.RowKey[(row.RowKey.LastIndexOf(Storage.TableKeys.Separator) + 1)..];
    }
}
