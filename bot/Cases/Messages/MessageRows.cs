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

    /// <summary>
    /// The member's answer to the staff: the row at <paramref name="position"/> of <see cref="AnswerRecipients.Order"/>,
    /// whose recipient is picked when it goes out (someone who may read the case then), or the channel when nobody is.
    /// </summary>
    public static OutboxEntity ToStaff(CaseFile file, string messageId, int position, string partitionKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        return StaffRow(partitionKey, file.TenantId, file.OrganisationId, file.CaseNumber, messageId, position, now);
    }

    /// <summary>
    /// The answer's row to a person failed for good (Teams cannot reach them): the next person in the order gets it, or
    /// the channel hears of it. None after the channel itself: the answer stays on the case, whose card says it came.
    /// </summary>
    public static IReadOnlyList<OutboxEntity> AfterStaffFailed(OutboxEntity failed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed.KindValue != OutboxKind.CaseMessageToStaff || string.IsNullOrEmpty(failed.RecipientAadObjectId))
        {
            return [];
        }

        return [StaffRow(failed.PartitionKey, failed.TenantId, failed.OrganisationId, failed.CaseNumber, MessageIdOf(failed), failed.Round + 1, now)];
    }

    /// <summary>
    /// The answer's row for the person at <paramref name="position"/>: the message id stays the key's last part
    /// (<see cref="MessageIdOf"/>), the position makes each person's row its own and is kept as the row's round.
    /// </summary>
    private static OutboxEntity StaffRow(string partitionKey, string tenantId, string organisationId, string caseNumber, string messageId, int position, DateTimeOffset now)
    {
        var key = OutboxEntity.Key(caseNumber, position == 0 ? ToStaffPart : $"{ToStaffPart}{position}", messageId);
        var row = OutboxEntity.New(partitionKey, key, tenantId, organisationId, caseNumber, OutboxKind.CaseMessageToStaff, now);
        row.Round = position;
        return row;
    }

    /// <summary>The id of the message a row carries: the last part of its key.</summary>
    public static string MessageIdOf(OutboxEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.RowKey[(row.RowKey.LastIndexOf(Storage.TableKeys.Separator) + 1)..];
    }
}
