using System.Globalization;
using Trygg.Storage;

namespace Trygg.Cases.Messages;

/// <summary>Who wrote a message on a case: the security unit to the member, or the member back.</summary>
public enum MessageDirection
{
    ToMember,
    FromMember,
}

/// <summary>
/// One message between the security unit and the member who reported, stored on the case. The text is report content:
/// shown to security staff with access and to the member, never logged, never on a channel card.
/// </summary>
/// <param name="Id">Chosen when the card was rendered, so a double click stores one message.</param>
/// <param name="StaffAadObjectId">The staff member who wrote it (ToMember); who is told of the member's answer.</param>
/// <param name="StaffName">Shown to staff only; the member reads the unit's name.</param>
public sealed record CaseMessage(
    string CaseNumber,
    string Id,
    DateTimeOffset At,
    MessageDirection Direction,
    string? StaffAadObjectId,
    string? StaffName,
    string Text);

/// <summary>A <see cref="CaseMessage"/> in the incidents table, in the case's partition: RowKey <c>msg|{caseNumber}|{id}</c>.</summary>
internal sealed class CaseMessageEntity : TableRow
{
    public const string RowPrefix = "msg";

    public string CaseNumber { get; set; } = "";

    public string MessageId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string Direction { get; set; } = "";

    public string? StaffAadObjectId { get; set; }

    public string? StaffName { get; set; }

    public string Text { get; set; } = "";

    public static string Key(string caseNumber, string id) => TableKeys.Compose(RowPrefix, caseNumber, id);

    /// <summary>[from, to) of one case's messages.</summary>
    public static (string From, string To) Range(string caseNumber)
    {
        var prefix = TableKeys.Compose(RowPrefix, caseNumber) + TableKeys.Separator;
        return (prefix, prefix[..^1] + (char)(TableKeys.Separator + 1));
    }

    public static CaseMessageEntity From(CaseMessage message, string partitionKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = Key(message.CaseNumber, message.Id),
        CaseNumber = message.CaseNumber,
        MessageId = message.Id,
        At = message.At,
        Direction = message.Direction.ToString(),
        StaffAadObjectId = message.StaffAadObjectId,
        StaffName = message.StaffName,
        Text = message.Text,
    };

    public CaseMessage ToRecord() => new(
        CaseNumber,
        MessageId,
        At,
        Enum.Parse<MessageDirection>(Direction, ignoreCase: false),
        StaffAadObjectId,
        StaffName,
        Text);

    /// <summary>A message id from a card: a short token of letters and digits, or null when it is anything else.</summary>
    public static string? ValidId(string? id) =>
        id is { Length: >= 8 and <= 40 } && id.All(char.IsAsciiLetterOrDigit) ? id.ToLowerInvariant() : null;

    public static string NewId() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}
